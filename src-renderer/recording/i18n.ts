// Recording strings (zh-CN first), merged under `recording` by start.tsx.
export const recordingZhCN = {
  indicator: { recording: '录音中', paused: '录音已暂停', starting: '录音准备中…', finishing: '正在保存录音…', failed: '录音中断', done: '录音已保存', pause: '暂停录音', resume: '继续录音', startByHand: '开始录音' },
  panel: { open: '通话录音', title: '通话录音', close: '关闭', empty: '没有符合条件的录音', loading: '加载中…', count: '共 {{n}} 条' },
  filter: { agent: '坐席', allAgents: '全部坐席', customer: '客户姓名或号码', from: '起始日期', to: '截止日期', direction: '方向', all: '全部', inbound: '呼入', outbound: '呼出', disposition: '处理结果', minSeconds: '最短(秒)', maxSeconds: '最长(秒)' },
  columns: { startedAt: '时间', agent: '坐席', customer: '客户', number: '号码', direction: '方向', duration: '时长', disposition: '处理结果', status: '状态', play: '播放' },
  status: { recording: '录音中', interrupted: '未完成', finalized: '已保存', discarded: '已删除', uploaded: '已上传', localGone: '仅存服务器' },
  player: { play: '播放', pause: '暂停', speed: '倍速', paused: '暂停录音段', notLocal: '本机副本已按保留期删除，请在服务器上收听', loading: '正在载入录音…', pin: '在此处批注' },
  recovery: { title: '发现 {{n}} 条未完成的录音（程序异常退出时正在录制）', keep: '保存', discard: '删除', item: '{{time}} · {{number}} · 约 {{size}}' },
  disk: { low: '磁盘空间不足：剩余 {{free}}，录音仍在继续，请尽快清理', critical: '磁盘空间严重不足：剩余 {{free}}，请立即联系管理员' },
  dispositions: { resolved: '已解决', follow_up: '需跟进', appointment: '已预约', complaint: '已受理投诉', no_action: '无需处理' },
};

export const recordingEn: typeof recordingZhCN = {
  indicator: { recording: 'Recording', paused: 'Recording paused', starting: 'Starting recording…', finishing: 'Saving recording…', failed: 'Recording interrupted', done: 'Recording saved', pause: 'Pause recording', resume: 'Resume recording', startByHand: 'Record' },
  panel: { open: 'Recordings', title: 'Call recordings', close: 'Close', empty: 'No recordings match', loading: 'Loading…', count: '{{n}} recordings' },
  filter: { agent: 'Agent', allAgents: 'All agents', customer: 'Customer name or number', from: 'From', to: 'To', direction: 'Direction', all: 'All', inbound: 'Inbound', outbound: 'Outbound', disposition: 'Disposition', minSeconds: 'Min (s)', maxSeconds: 'Max (s)' },
  columns: { startedAt: 'Time', agent: 'Agent', customer: 'Customer', number: 'Number', direction: 'Direction', duration: 'Duration', disposition: 'Disposition', status: 'Status', play: 'Play' },
  status: { recording: 'Recording', interrupted: 'Unfinished', finalized: 'Saved', discarded: 'Deleted', uploaded: 'Uploaded', localGone: 'On server only' },
  player: { play: 'Play', pause: 'Pause', speed: 'Speed', paused: 'Paused span', notLocal: 'The local copy was removed after the retention period; listen on the server', loading: 'Loading recording…', pin: 'Comment here' },
  recovery: { title: '{{n}} unfinished recordings found (the app stopped while recording)', keep: 'Keep', discard: 'Delete', item: '{{time}} · {{number}} · about {{size}}' },
  disk: { low: 'Disk space low: {{free}} left. Recording continues; free some space soon', critical: 'Disk almost full: {{free}} left. Call your administrator now' },
  dispositions: { resolved: 'Resolved', follow_up: 'Follow-up', appointment: 'Appointment', complaint: 'Complaint accepted', no_action: 'No action' },
};
