import { useTranslation } from 'react-i18next';
import type { CustomerCard, Vehicle } from '../../src-shared/contract/customers';
import { useActions } from '../app/desk-context';
import { formatKm } from './format';
import { PlateBadge } from './plate-badge';
import { VisitTimeline } from './visit-timeline';

export function VehiclePanel({ card, vehicleId }: { card: CustomerCard; vehicleId: number | null }) {
  const { t } = useTranslation();
  const actions = useActions();
  const vehicle = card.vehicles.find((v) => v.id === vehicleId) ?? null;
  return (
    <section className="panel vehicle-panel">
      <div className="vehicle-tabs" role="tablist" data-testid="vehicle-list">
        <h2>{t('vehicles.title')}</h2>
        {card.vehicles.length === 0 ? <span className="muted">{t('vehicles.none')}</span> : null}
        {card.vehicles.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            aria-selected={v.id === vehicleId}
            className={`vehicle-tab${v.id === vehicleId ? ' is-active' : ''}`}
            data-testid="vehicle-tab"
            data-vehicle-id={v.id}
            onClick={() => actions.card.chooseVehicle(v.id)}
          >
            <PlateBadge plate={v.plate} emptyLabel={t('vehicles.noPlate')} />
            <span className="vehicle-tab-model">{[v.brand, v.model].filter(Boolean).join(' ') || '—'}</span>
          </button>
        ))}
      </div>
      {vehicle ? <VehicleDetails vehicle={vehicle} /> : null}
      {vehicle ? <VisitTimeline visits={card.visits.filter((visit) => visit.vehicleId === vehicle.id)} /> : null}
    </section>
  );
}

function VehicleDetails({ vehicle }: { vehicle: Vehicle }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const model = [vehicle.brand, vehicle.model, vehicle.modelYear ? String(vehicle.modelYear) : null].filter(Boolean).join(' ');
  const mileage = vehicle.mileageKm === null ? null
    : vehicle.mileageDate ? t('vehicles.mileageAt', { km: formatKm(t, locale, vehicle.mileageKm), date: vehicle.mileageDate }) : formatKm(t, locale, vehicle.mileageKm);
  const nextService = vehicle.nextServiceDate && vehicle.nextServiceKm !== null
    ? t('vehicles.nextServiceAt', { date: vehicle.nextServiceDate, km: formatKm(t, locale, vehicle.nextServiceKm) })
    : vehicle.nextServiceDate ?? (vehicle.nextServiceKm !== null ? formatKm(t, locale, vehicle.nextServiceKm) : null);
  const rows: Array<[string, string | null, string?]> = [
    [t('vehicles.model'), model || null],
    [t('vehicles.vin'), vehicle.vin, 'mono'],
    [t('vehicles.colour'), vehicle.colour],
    [t('vehicles.purchaseDate'), vehicle.purchaseDate],
    [t('vehicles.mileage'), mileage],
    [t('vehicles.nextService'), nextService],
    [t('vehicles.warrantyEnd'), vehicle.warrantyEnd],
    [t('vehicles.insurance'), vehicle.insuranceCompany],
    [t('vehicles.insuranceExpiry'), vehicle.insuranceExpiry],
    [t('vehicles.nextInspection'), vehicle.nextInspection],
  ];
  return (
    <dl className="vehicle-details" data-testid="vehicle-details" data-vehicle-id={vehicle.id}>
      {rows.map(([label, value, className]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd className={className}>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
