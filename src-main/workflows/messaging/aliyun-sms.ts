// Alibaba Cloud SMS (阿里云短信服务) SendSms, API version 2017-05-25, RPC style, signed with
// Alibaba Cloud's request signature V3 (ACS3-HMAC-SHA256, "V3版本请求体&签名机制",
// help.aliyun.com/document_detail/2593177):
//   CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n
//                      SignedHeaders \n HexEncode(SHA256(body))
//   – query parameters sorted by name, names and values percent-encoded per RFC 3986
//     (only A–Z a–z 0–9 - _ . ~ stay literal; space is %20), joined name=value with &;
//   – canonical headers: host, content-type and every x-acs-* header, lower-cased, sorted,
//     "name:trimmed value\n" each; SignedHeaders is their names joined with ';'.
//   StringToSign = "ACS3-HMAC-SHA256\n" + HexEncode(SHA256(CanonicalRequest))
//   Signature = HexEncode(HMAC-SHA256(AccessKeySecret, StringToSign))
//   Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<…>,Signature=<…>
// The response is JSON {Code, Message, BizId, RequestId}; Code "OK" means accepted.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { TransportError, type SmsOut, type SmsTransport } from './transports';

export interface AliyunSmsConfig {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  regionId?: string;
  now?: () => Date;
  nonce?: () => string;
  timeoutMs?: number;
}

export const aliyunAlgorithm = 'ACS3-HMAC-SHA256';

export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join('&');
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export interface SignInput {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  accessKeyId: string;
  accessKeySecret: string;
}

/** Signs a request: returns the Authorization header value and the canonical request (for tests). */
export function signAliyunV3(input: SignInput): { authorization: string; canonicalRequest: string; signature: string } {
  const lower = Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const signed = Object.keys(lower).filter((k) => k === 'host' || k === 'content-type' || k.startsWith('x-acs-')).sort();
  const canonicalHeaders = signed.map((k) => `${k}:${String(lower[k]).trim()}\n`).join('');
  const signedHeaders = signed.join(';');
  const canonicalRequest = [input.method.toUpperCase(), input.path || '/', canonicalQuery(input.query), canonicalHeaders, signedHeaders, sha256Hex(input.body)].join('\n');
  const stringToSign = `${aliyunAlgorithm}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', input.accessKeySecret).update(stringToSign).digest('hex');
  return { authorization: `${aliyunAlgorithm} Credential=${input.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`, canonicalRequest, signature };
}

/** ISO 8601 UTC without milliseconds, as x-acs-date requires (2023-10-26T09:01:01Z). */
export function acsDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const retryableCodes = /^(isp\.|Throttling|ServiceUnavailable|InternalError|isv\.BUSINESS_LIMIT_CONTROL|isv\.DAY_LIMIT_CONTROL)/;

export class AliyunSmsTransport implements SmsTransport {
  readonly name = 'aliyun';
  constructor(private readonly config: AliyunSmsConfig) {}

  async send(message: SmsOut): Promise<{ providerId: string }> {
    if (!message.templateCode) throw new TransportError('rejected', 'Alibaba Cloud SMS sends approved templates only: the template has no provider template code');
    const url = new URL(this.config.endpoint);
    const query: Record<string, string> = {
      PhoneNumbers: message.phone,
      SignName: this.config.signName,
      TemplateCode: message.templateCode,
      TemplateParam: JSON.stringify(message.params),
      OutId: message.outId,
    };
    const body = '';
    const headers: Record<string, string> = {
      host: url.host,
      'x-acs-action': 'SendSms',
      'x-acs-version': '2017-05-25',
      'x-acs-date': acsDate((this.config.now ?? (() => new Date()))()),
      'x-acs-signature-nonce': (this.config.nonce ?? randomUUID)(),
      'x-acs-content-sha256': sha256Hex(body),
    };
    const path = url.pathname || '/';
    const { authorization } = signAliyunV3({ method: 'POST', path, query, headers, body, accessKeyId: this.config.accessKeyId, accessKeySecret: this.config.accessKeySecret });
    let response: Response;
    try {
      response = await fetch(`${url.origin}${path}?${canonicalQuery(query)}`, {
        method: 'POST',
        headers: { ...headers, authorization, accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new TransportError('unavailable', `SMS provider unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    let json: { Code?: string; Message?: string; BizId?: string; RequestId?: string } = {};
    try {
      json = (await response.json()) as typeof json;
    } catch {
      throw new TransportError(response.status >= 500 ? 'unavailable' : 'rejected', `SMS provider answered HTTP ${response.status} without JSON`);
    }
    if (response.ok && json.Code === 'OK') return { providerId: json.BizId ?? json.RequestId ?? '' };
    const code = json.Code ?? `HTTP ${response.status}`;
    throw new TransportError(response.status >= 500 || retryableCodes.test(code) ? 'unavailable' : 'rejected', `${code}: ${json.Message ?? ''}`.trim());
  }
}
