// Message templates. The ten SMS templates of seed 002 (范本04 回访短信) ship as editable
// defaults. Variables are written {{name}}; rendering is single-pass (a value containing
// "{{x}}" is never expanded again), every variable must be known and given, and values are
// escaped for the channel: HTML for email; for SMS control characters are removed and the
// 【】 brackets replaced, because Chinese carriers read 【…】 as the sender signature and a
// customer name must not be able to forge one.
export const templateVariables = ['name', 'plate', 'model', 'mileage', 'date', 'advisor', 'dealership', 'hotline', 'holiday', 'event', 'place'] as const;
export type TemplateVariable = (typeof templateVariables)[number];

export interface MessageTemplate {
  id: string;
  title: string;
  channel: 'sms' | 'email';
  /** Marketing messages respect opt-outs (退订) and the frequency cap; service messages only opt-outs of everything. */
  purpose: 'service' | 'marketing';
  body: string;
  /** Email subject (email templates only). */
  subject?: string;
  /** The provider's approved template code (阿里云 TemplateCode); SMS clouds only send approved templates. */
  providerTemplateCode?: string;
  /** What a reply to this message means, for matching replies (seed 002 #4 rating, #10 RSVP). */
  expectsReply?: 'rating' | 'rsvp';
}

const t = (id: string, title: string, purpose: MessageTemplate['purpose'], body: string, expectsReply?: MessageTemplate['expectsReply']): MessageTemplate =>
  Object.freeze({ id, title, channel: 'sms' as const, purpose, body, ...(expectsReply ? { expectsReply } : {}) });

export const defaultSmsTemplates: readonly MessageTemplate[] = Object.freeze([
  t('thanks_after_purchase', '购后致谢', 'service', '尊敬的{{name}}:非常感谢您在本店购车,我们非常荣幸有机会为您服务,{{dealership}}的服务热线为{{hotline}},欢迎您在需要的时间拨打,我们将为您提供满意的服务。'),
  t('maintenance_due', '车辆保养提醒', 'service', '尊敬的{{name}}:您的爱车{{plate}}下一次保养为{{mileage}}千米,为确保您的出行顺畅,减少维修,请您届时到本店进行保养。{{dealership}}'),
  t('insurance_expiry', '车险续保提醒', 'service', '尊敬的{{name}}:您爱车{{plate}}的保险将于{{date}}到期,请您届时带齐行驶证、保险卡等资料到{{dealership}}做好续保手续。'),
  t('repair_rating', '维修质量跟踪', 'service', '尊敬的{{name}}:您的爱车{{plate}}于{{date}}在本店进行维修,请您将维修质量以“很好”、“良好”、“一般”、“较差”、“很差”五个等级(或回复数字5至1),以短信方式回复给我们,以利我们为您提供更优质的服务。{{dealership}}', 'rating'),
  t('promotion', '促销活动通知', 'marketing', '尊敬的{{name}}:{{dealership}}将于{{date}}举办{{event}},欢迎您驾车光临。'),
  t('new_model', '新车上市宣传', 'marketing', '尊敬的{{name}}:{{model}}已隆重上市,{{dealership}}恭候您前来品鉴。销售咨询热线:{{hotline}}。'),
  t('holiday', '节日问候及营销', 'marketing', '尊敬的{{name}}:祝您{{holiday}}快乐,为保证您{{holiday}}期间的出行安全,请您于节前到本店进行一次例行检测。{{dealership}}'),
  t('birthday', '车主生日祝福', 'service', '尊敬的{{name}}:祝您生日快乐、事业成功、天天开心、出入平安!{{dealership}}'),
  t('prospect_invitation', '新车主发展', 'marketing', '尊敬的{{name}}:您所关注的{{model}},{{dealership}}将于{{date}}在{{place}}举行大型展销会,现场认购价格优惠,欢迎前来试驾。'),
  t('event_rsvp', '车主互动', 'marketing', '尊敬的{{name}}:为答谢您长期以来的关心和支持,{{dealership}}将于{{date}}在本店举行{{event}},特邀您光临,如参加请回复Y,谢谢!', 'rsvp'),
]);

const placeholder = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function templateVariablesOf(body: string): string[] {
  const names = new Set<string>();
  for (const m of body.matchAll(placeholder)) names.add(m[1]);
  return [...names];
}

/** Problems with a template body: unknown variables and stray braces. Empty = valid. */
export function validateTemplate(body: string): string[] {
  const problems: string[] = [];
  for (const name of templateVariablesOf(body)) if (!(templateVariables as readonly string[]).includes(name)) problems.push(`unknown variable: ${name}`);
  if (/\{\{|\}\}/.test(body.replace(placeholder, ''))) problems.push('unbalanced {{ }}');
  if (!body.trim()) problems.push('empty body');
  return problems;
}

export function escapeForChannel(value: string, channel: 'sms' | 'email'): string {
  if (channel === 'email') return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/【/g, '[').replace(/】/g, ']');
}

export type RenderResult = { ok: true; text: string } | { ok: false; missing: string[]; unknown: string[] };

export function renderTemplate(body: string, values: Partial<Record<string, string | number | null | undefined>>, channel: 'sms' | 'email'): RenderResult {
  const unknown = templateVariablesOf(body).filter((n) => !(templateVariables as readonly string[]).includes(n));
  const missing = templateVariablesOf(body).filter((n) => {
    const v = values[n];
    return v === undefined || v === null || String(v).trim() === '';
  });
  if (unknown.length || missing.length) return { ok: false, missing: missing.filter((n) => !unknown.includes(n)), unknown };
  return { ok: true, text: body.replace(placeholder, (_m, name: string) => escapeForChannel(String(values[name]), channel)) };
}

/** SMS segments as carriers bill them: 70 characters for one, 67 per part when longer. */
export function smsSegments(text: string): number {
  const n = [...text].length;
  return n <= 70 ? 1 : Math.ceil(n / 67);
}
