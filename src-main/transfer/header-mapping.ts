// Column headers → import fields. Chinese dealership exports (DMS, Excel sheets kept by the front
// desk) and English exports name the same columns many ways; keys are compared after NFKC
// folding (full-width → half-width), lower-casing and dropping spaces, "*" required markers,
// trailing colons and a trailing column counter ("手机2"). A header that still doesn't match is
// retried without its parenthesised part ("里程（公里）") and per "/"-separated alternative
// ("VIN/车架号"). `exportHeaders` are the first synonyms, so an export maps straight back.
import type { ImportField } from '../../src-shared/contract/transfer';

const synonyms: Record<ImportField, string[]> = {
  number: ['客户编号', '客户号', '客户代码', '客户档案号', '档案号', '会员号', '会员编号', '会员卡号', '编号', 'customer no', 'customer number', 'customer id', 'customer code', 'number'],
  name: ['姓名', '客户姓名', '客户名称', '客户名', '车主', '车主姓名', '车主名称', '联系人', '名称', '客户', 'name', 'customer name', 'customer', 'full name', 'owner', 'owner name'],
  gender: ['性别', 'gender', 'sex'],
  birthday: ['生日', '出生日期', '出生年月', '出生年月日', '客户生日', 'birthday', 'birth date', 'date of birth', 'dob'],
  district: ['所属区域', '区域', '地区', '所在区域', '所在地区', '片区', '区县', '行政区', 'district', 'area', 'region'],
  address: ['地址', '联系地址', '家庭地址', '住址', '通讯地址', '详细地址', '居住地址', 'address'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址', 'email', 'e-mail', 'mail', 'email address'],
  category: ['客户类别', '客户类型', '客户分类', '类别', '类型', '分类', 'category', 'type', 'customer type'],
  membershipTier: ['会员等级', '会员级别', '会员类型', '会员卡等级', '等级', '级别', 'membership tier', 'tier', 'membership', 'member level', 'level'],
  advisor: ['服务顾问', '专属顾问', '所属顾问', '负责顾问', '接待顾问', '顾问', 'service advisor', 'advisor'],
  mobile: ['手机', '手机号', '手机号码', '移动电话', '联系手机', '车主手机', 'mobile', 'mobile phone', 'cell', 'cell phone', 'cellphone'],
  phone: ['电话', '联系电话', '电话号码', '固定电话', '固话', '座机', '办公电话', '家庭电话', '其他电话', '备用电话', '联系方式', 'phone', 'telephone', 'tel', 'phone number', 'landline'],
  plate: ['车牌号', '车牌', '车牌号码', '牌照', '牌照号', '牌照号码', '号牌', '号牌号码', '车号', 'plate', 'plate number', 'license plate', 'licence plate', 'registration', 'reg no'],
  vin: ['vin/车架号', 'vin', 'vin码', 'vin号', '车架号', '车架号码', '车辆识别代号', '车辆识别码', '车辆识别号', '底盘号', 'chassis no', 'chassis number', 'vin number'],
  brand: ['品牌', '车辆品牌', '厂牌', 'brand', 'make'],
  model: ['车型', '车型名称', '车系', '型号', '车辆型号', 'model', 'vehicle model', 'series'],
  modelYear: ['年款', '车型年款', '年份', 'model year', 'year'],
  colour: ['颜色', '车身颜色', '车辆颜色', '外观颜色', 'colour', 'color'],
  purchaseDate: ['购车日期', '购买日期', '购车时间', '开票日期', '销售日期', '交车日期', '提车日期', '发票日期', 'purchase date', 'date of purchase', 'delivery date', 'sold date'],
  mileageKm: ['里程(公里)', '里程', '行驶里程', '公里数', '当前里程', '里程数', '表显里程', 'mileage', 'odometer', 'km', 'mileage km'],
  insuranceCompany: ['保险公司', '承保公司', '投保公司', 'insurance company', 'insurer', 'insurance'],
  insuranceExpiry: ['保险到期', '保险到期日', '保险到期日期', '保险截止日期', '保险止期', '保单到期日', '商业险到期日', '交强险到期日', 'insurance expiry', 'insurance expiry date', 'insurance expires'],
  nextInspection: ['年审日期', '年审到期', '年审到期日', '年检日期', '年检到期', '年检到期日', '下次年审', '下次年检', 'next inspection', 'inspection date', 'annual inspection'],
};

/** Headers that are row counters or UI leftovers, never data worth keeping as a custom field. */
const ignoredHeaders = new Set(['序号', '行号', '操作', 'no', 'no.', '#', 'row', 'index']);

export const exportHeaders: Record<ImportField, string> = Object.fromEntries(
  Object.entries(synonyms).map(([field, names]) => [field, exportLabel(names[0])]),
) as Record<ImportField, string>;

function exportLabel(name: string): string {
  return name === 'vin/车架号' ? 'VIN/车架号' : name;
}

export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_*:：]+/g, '')
    .replace(/[-.]+$/, '');
}

const byKey = new Map<string, ImportField>();
for (const [field, names] of Object.entries(synonyms) as [ImportField, string[]][]) {
  for (const name of names) {
    const key = headerKey(name);
    if (!byKey.has(key)) byKey.set(key, field);
  }
}

export function fieldForHeader(header: string): ImportField | null {
  const key = headerKey(header);
  if (!key) return null;
  const candidates = [key, key.replace(/\d+$/, ''), key.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')];
  for (const part of key.split(/[/|、]/)) if (part && part !== key) candidates.push(part);
  for (const candidate of candidates) {
    const field = byKey.get(candidate) ?? byKey.get(candidate.replace(/\d+$/, ''));
    if (field) return field;
  }
  return null;
}

/** Phones may come in several columns (手机1, 手机2, 电话); every other field maps once, left to right. */
export const repeatableFields: ReadonlySet<ImportField> = new Set(['mobile', 'phone']);

export function guessMapping(headers: string[]): (ImportField | null)[] {
  const used = new Set<ImportField>();
  return headers.map((header) => {
    const field = fieldForHeader(header);
    if (!field || (used.has(field) && !repeatableFields.has(field))) return null;
    used.add(field);
    return field;
  });
}

export function isIgnoredHeader(header: string): boolean {
  return headerKey(header) === '' || ignoredHeaders.has(headerKey(header));
}
