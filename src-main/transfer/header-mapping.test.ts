import { describe, expect, it } from 'vitest';
import { importFields } from '../../src-shared/contract/transfer';
import { exportHeaders, fieldForHeader, guessMapping } from './header-mapping';

describe('header mapping', () => {
  it.each([
    ['客户编号', 'number'], ['客户姓名', 'name'], ['姓名', 'name'], ['性别', 'gender'], ['出生日期', 'birthday'], ['生日', 'birthday'],
    ['所属区域', 'district'], ['地址', 'address'], ['邮箱', 'email'], ['会员等级', 'membershipTier'], ['服务顾问', 'advisor'],
    ['手机', 'mobile'], ['手机号码', 'mobile'], ['电话', 'phone'], ['联系电话', 'phone'], ['车牌', 'plate'], ['车牌号码', 'plate'],
    ['车架号', 'vin'], ['VIN码', 'vin'], ['VIN/车架号', 'vin'], ['品牌', 'brand'], ['车型', 'model'], ['年款', 'modelYear'],
    ['颜色', 'colour'], ['购车日期', 'purchaseDate'], ['里程', 'mileageKm'], ['保险公司', 'insuranceCompany'],
    ['保险到期', 'insuranceExpiry'], ['年审日期', 'nextInspection'],
    ['Customer No', 'number'], ['Name', 'name'], ['Mobile Phone', 'mobile'], ['License Plate', 'plate'], ['E-mail', 'email'],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('tolerates spaces, case, full-width forms, parentheses, required markers and counters', () => {
    expect(fieldForHeader(' 手机 号码 ')).toBe('mobile');
    expect(fieldForHeader('ＶＩＮ')).toBe('vin');
    expect(fieldForHeader('里程（公里）')).toBe('mileageKm');
    expect(fieldForHeader('*姓名')).toBe('name');
    expect(fieldForHeader('姓名：')).toBe('name');
    expect(fieldForHeader('手机2')).toBe('mobile');
    expect(fieldForHeader('购车日期(必填)')).toBe('purchaseDate');
    expect(fieldForHeader('PLATE NUMBER')).toBe('plate');
    expect(fieldForHeader('备注')).toBeNull();
  });

  it('maps each field once except phones, which may fill several columns', () => {
    expect(guessMapping(['姓名', '客户名称', '手机1', '手机2', '电话', '备注'])).toEqual(['name', null, 'mobile', 'mobile', 'phone', null]);
  });

  it('export headers map back to their own field', () => {
    for (const field of importFields) expect(fieldForHeader(exportHeaders[field])).toBe(field);
  });
});
