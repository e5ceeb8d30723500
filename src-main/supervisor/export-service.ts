// XLSX export of any dashboard figure's records, or of the dashboard summary. Only roles with
// exportReports may export; a refusal is audited like an export. Every sheet carries a
// watermark (user and time) in its first row, its header/footer and the workbook properties.
import ExcelJS from 'exceljs';
import { DeskError } from '../../src-shared/contract/errors';
import type { DashboardFigure, DrillDownInput } from '../../src-shared/contract/supervisor';
import { can } from '../../src-shared/domain/roles';
import type { WorkflowContext } from '../workflows/context';
import { audit } from './audit';
import { supervisorDashboard } from './dashboard-service';
import { drillDown } from './drill-down';

export const maxExportRows = 100_000;

const columnLabels: Record<string, string> = {
  ringAt: '来电时间', direction: '方向', remoteNumber: '号码', customerName: '客户', agent: '坐席', outcome: '结果', talkSeconds: '通话秒数',
  visitDate: '进厂日期', kind: '类别', customerNumber: '客户编号', plate: '车牌', advisor: '服务顾问', byAppointment: '预约', amountYuan: '金额(元)',
  dueDate: '到期日', lastMaintenance: '上次保养', nextVisit: '再次进厂', model: '车型', endDate: '保险到期', insurer: '保险公司', stage: '阶段', quoteYuan: '报价(元)',
  lostReason: '流失原因', code: '回访', title: '标题', owner: '负责人', status: '状态', createdAt: '创建时间', category: '类别', deadlineAt: '答复期限', repliedAt: '答复时间',
  visitClass: '客户类别', churnStatus: '流失状态', lastVisit: '最后进厂', source: '来源', models: '意向车型', furthestStage: '最远阶段', consultant: '销售顾问',
};

export interface ExportInput extends Omit<DrillDownInput, 'figure'> {
  figure: DashboardFigure | 'summary';
}

function watermark(ctx: WorkflowContext): string {
  return `${ctx.session.userName} · ${ctx.now().toISOString()} · 内部资料 禁止外传`;
}

function sheetWithWatermark(book: ExcelJS.Workbook, name: string, mark: string, width: number): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { headerFooter: { oddHeader: `&C${mark}`, oddFooter: `&C${mark} &P/&N` } });
  const row = sheet.addRow([`导出: ${mark}`]);
  row.font = { italic: true, color: { argb: 'FF9AA3B2' } };
  if (width > 1) sheet.mergeCells(1, 1, 1, width);
  return sheet;
}

export async function exportFigure(ctx: WorkflowContext, input: ExportInput): Promise<{ fileName: string; base64: string; rows: number }> {
  if (!can(ctx.session.role, 'exportReports')) {
    audit(ctx, 'export_refused', { data: input });
    throw new DeskError('forbidden', 'exports are not allowed for this role');
  }
  const mark = watermark(ctx);
  const book = new ExcelJS.Workbook();
  book.creator = ctx.session.userName;
  book.lastModifiedBy = ctx.session.userName;
  book.created = ctx.now();
  book.description = mark;
  let rows = 0;
  if (input.figure === 'summary') {
    const d = supervisorDashboard(ctx, input.from, input.to);
    const sheet = sheetWithWatermark(book, '汇总', mark, 4);
    sheet.addRow(['指标', '数值', '目标', '说明']).font = { bold: true };
    const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
    const lines: [string, string | number, string, string][] = [
      ['来电', d.calls.summary.inbound, '', `接通 ${d.calls.summary.answered} / 放弃 ${d.calls.summary.abandoned}`],
      ['接通率', pct(d.calls.summary.answerRate), pct(d.targets.answerRate), ''],
      ['进厂台次', d.visits.total, '', ''],
      ['预约率', pct(d.visits.appointmentRate), pct(d.targets.appointmentRate), `行业 ${pct(d.targets.appointmentRateIndustry[0])}–${pct(d.targets.appointmentRateIndustry[1])}`],
      ['到期保养进站率', pct(d.dueMaintenance.rate), pct(d.targets.dueMaintenanceVisitRate), `${d.dueMaintenance.met}/${d.dueMaintenance.due}`],
      ['续保率', pct(d.renewals.rate), pct(d.targets.renewalRate), `${d.renewals.renewed}/${d.renewals.expiring}`],
      ['投诉按时答复', pct(d.complaints.slaKeptRate), pct(d.targets.complaintSlaKept), `${d.complaints.slaKept}/${d.complaints.replied}`],
      ...d.followUps.map((f): [string, string, string, string] => [`${f.code} 完成率`, pct(f.rate), pct(d.targets.followUpCompletion), `${f.completed}/${f.due}`]),
    ];
    for (const l of lines) sheet.addRow(l);
    rows = lines.length;
  } else {
    const records = drillDown(ctx, { ...input, figure: input.figure }, maxExportRows, 0);
    const sheet = sheetWithWatermark(book, input.figure, mark, records.columns.length);
    sheet.addRow(records.columns.map((c) => columnLabels[c] ?? c)).font = { bold: true };
    for (const r of records.rows) sheet.addRow(r);
    rows = records.rows.length;
  }
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const fileName = `dealerdesk-${input.figure}-${input.from}_${input.to}-${ctx.now().toISOString().slice(0, 16).replace(/[:T]/g, '')}.xlsx`;
  audit(ctx, 'export', { data: { ...input, rows, fileName } });
  return { fileName, base64: buffer.toString('base64'), rows };
}
