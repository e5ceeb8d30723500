// Click-to-dial on a customer's phone (card phone list, search rows). The button knows the phone
// by id only: the number itself may be masked for this agent, main resolves it for the call.
// Rendered only when a softphone is mounted; disabled until it is registered.
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialer } from '../app/desk-context';
import { useCanDial } from '../app/dialer';

export function DialButton({ customerId, phoneId, display }: { customerId: number; phoneId?: number; display: string }) {
  const { t } = useTranslation();
  const dialer = useDialer();
  const ready = useCanDial(dialer);
  const [busy, setBusy] = useState(false);
  if (!dialer) return null;
  const onClick = (event: MouseEvent) => {
    event.stopPropagation();
    setBusy(true);
    void dialer.dialCustomer({ customerId, phoneId }).catch(() => {}).finally(() => setBusy(false));
  };
  const label = ready ? t('softphone.dial.callPhone', { number: display }) : t('softphone.dial.notRegistered');
  return (
    <button
      type="button"
      className="dial-button"
      data-testid="dial-phone"
      data-customer-id={customerId}
      data-phone-id={phoneId}
      disabled={!ready || busy}
      title={label}
      aria-label={label}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <PhoneIcon />
    </button>
  );
}

function PhoneIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden fill="currentColor">
      <path d="M4.2 1.6c.4-.3 1-.2 1.3.2l1.5 2.2c.3.4.2 1-.1 1.3l-.9.8c.6 1.4 1.8 2.7 3.2 3.3l.8-.9c.4-.4.9-.4 1.3-.1l2.2 1.5c.4.3.5.9.2 1.3l-.9 1.4c-.4.6-1.1.9-1.8.7C6.6 12.3 3.7 9.4 2.6 5.1c-.2-.7.1-1.4.7-1.8z" />
    </svg>
  );
}
