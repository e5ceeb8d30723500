// Softphone strings (zh-CN first), merged into the app's i18next instance by start.tsx under
// the `softphone` key.
export const softphoneZhCN = {
  registration: { unconfigured: '未配置话机', connecting: '连接中…', registered: '已注册', unregistered: '未注册', failed: '注册失败', disconnected: '已断开，重连中…' },
  agent: {
    ready: '就绪', not_ready: '未就绪', break: '小休', after_call_work: '话后处理', on_call: '通话中', acwLeft: '话后处理 {{s}} 秒',
    reasons: { meeting: '开会', training: '培训', follow_up: '回访中', system: '系统', headset: '耳麦未连接', other: '其他' },
  },
  dial: { placeholder: '号码', call: '呼叫', redial: '重拨', pad: '拨号盘', callPhone: '呼叫 {{number}}', notRegistered: '话机未注册，无法呼叫' },
  ringing: { incoming: '来电', answer: '接听', decline: '拒接', lookingUp: '正在查找客户…', unknown: '未知号码', several: '{{n}} 位客户使用此号码，请选择：', noMatch: '未找到客户，快速建档：', name: '姓名', plate: '车牌号', create: '建档', ivr: 'IVR 选择', queue: '队列' },
  call: { hold: '保持', resume: '恢复', mute: '静音', unmute: '取消静音', hangup: '挂断', transferTo: '转接号码', blind: '盲转', consult: '咨询转', complete: '完成转接', conference: '三方会议', held: '已保持', muted: '已静音', consulting: '咨询中', inConference: '会议中' },
  wrapUp: { title: '话后小结', disposition: '处理结果', notes: '备注', category: '咨询类别', callback: '预约回电', save: '保存', dispositions: { resolved: '已解决', follow_up: '需跟进', appointment: '已预约', complaint: '已受理投诉', no_action: '无需处理' } },
  categories: { maintenance: '保养', repair: '维修', complaint: '投诉', new_car: '新车', promotion: '促销活动' },
  reasons: { work_in_progress: '在厂 {{work}}（{{since}} 起）', complaint: '投诉未结，{{days}} 天内答复', appointment: '{{days}} 天后预约到店', work: { maintenance: '保养', repair: '维修', accident: '事故维修' } },
  callbacks: { title: '待回电', empty: '没有待回电' },
  history: { title: '通话记录', all: '全部', inbound: '呼入', outbound: '呼出', missed: '未接', number: '号码', empty: '暂无记录', outcome: { answered: '已接', missed: '未接', declined: '拒接', 'rejected-busy': '忙线拒绝', failed: '失败', transferred: '已转接' } },
  monitor: {
    title: '监听坐席通话', target: '坐席分机', listen: '监听', whisper: '耳语', listenOnly: '仅监听', end: '结束',
    connecting: '正在接入 {{target}}…', listening: '监听中 · {{target}}', whispering: '耳语中 · {{target}}',
    monitoredListen: '主管监听中', monitoredWhisper: '主管耳语中',
    errors: { forbidden: '该坐席未授权您监听', 'no-call': '该坐席当前没有通话', busy: '该坐席正被其他主管监听', unreachable: '该坐席不在线', failed: '监听失败', 'not-permitted': '您的角色无权监听', 'not-registered': '话机未注册' },
  },
  settings: {
    title: '话机设置', sipUri: 'SIP 地址', wsServers: 'WebSocket 服务器', authUser: '认证用户名', password: '密码', passwordSaved: '已保存（不显示）', realm: '认证域', displayName: '显示名',
    dialPrefix: '外线前缀', iceServers: 'STUN/TURN 服务器', dtmfMode: 'DTMF 方式', autoAnswer: '自动接听', busyPolicy: '未就绪时来电', reject: '拒绝 (486)', queue: '留在队列', acwSeconds: '话后处理秒数',
    ivrHeader: 'IVR 头字段', queueHeader: '队列头字段', save: '保存', devices: '音频设备', microphone: '麦克风', speaker: '听筒', ringer: '振铃设备', headset: '耳麦按键', connectHeadset: '连接耳麦', headsetConnected: '已连接：{{name}}',
    monitorSupervisors: '允许监听本机的主管分机（每行一个）', monitorIndicator: '被监听时显示提示',
  },
};

export const softphoneEn: typeof softphoneZhCN = {
  registration: { unconfigured: 'Phone not set up', connecting: 'Connecting…', registered: 'Registered', unregistered: 'Not registered', failed: 'Registration failed', disconnected: 'Disconnected, reconnecting…' },
  agent: {
    ready: 'Ready', not_ready: 'Not ready', break: 'Break', after_call_work: 'After-call work', on_call: 'On call', acwLeft: 'After-call work {{s}} s',
    reasons: { meeting: 'Meeting', training: 'Training', follow_up: 'Follow-up calls', system: 'System', headset: 'No headset', other: 'Other' },
  },
  dial: { placeholder: 'Number', call: 'Call', redial: 'Redial', pad: 'Dial pad', callPhone: 'Call {{number}}', notRegistered: 'Phone not registered' },
  ringing: { incoming: 'Incoming call', answer: 'Answer', decline: 'Decline', lookingUp: 'Looking up the customer…', unknown: 'Unknown number', several: '{{n}} customers use this number, choose one:', noMatch: 'No customer found, quick create:', name: 'Name', plate: 'Plate', create: 'Create', ivr: 'IVR choice', queue: 'Queue' },
  call: { hold: 'Hold', resume: 'Resume', mute: 'Mute', unmute: 'Unmute', hangup: 'Hang up', transferTo: 'Transfer to', blind: 'Blind transfer', consult: 'Consult', complete: 'Complete transfer', conference: 'Conference', held: 'On hold', muted: 'Muted', consulting: 'Consulting', inConference: 'In conference' },
  wrapUp: { title: 'Wrap-up', disposition: 'Disposition', notes: 'Notes', category: 'Inquiry category', callback: 'Call back at', save: 'Save', dispositions: { resolved: 'Resolved', follow_up: 'Needs follow-up', appointment: 'Appointment booked', complaint: 'Complaint logged', no_action: 'No action' } },
  categories: { maintenance: 'Maintenance', repair: 'Repair', complaint: 'Complaint', new_car: 'New car', promotion: 'Promotion' },
  reasons: { work_in_progress: 'In the workshop: {{work}} since {{since}}', complaint: 'Open complaint, answer within {{days}} days', appointment: 'Appointment in {{days}} days', work: { maintenance: 'maintenance', repair: 'repair', accident: 'accident repair' } },
  callbacks: { title: 'Callbacks', empty: 'No callbacks due' },
  history: { title: 'Call history', all: 'All', inbound: 'Inbound', outbound: 'Outbound', missed: 'Missed', number: 'Number', empty: 'No calls yet', outcome: { answered: 'Answered', missed: 'Missed', declined: 'Declined', 'rejected-busy': 'Rejected (busy)', failed: 'Failed', transferred: 'Transferred' } },
  monitor: {
    title: 'Listen to an agent\'s call', target: 'Agent ext.', listen: 'Listen', whisper: 'Whisper', listenOnly: 'Listen only', end: 'End',
    connecting: 'Connecting to {{target}}…', listening: 'Listening · {{target}}', whispering: 'Whispering · {{target}}',
    monitoredListen: 'Supervisor listening', monitoredWhisper: 'Supervisor whispering',
    errors: { forbidden: 'This agent has not authorised you', 'no-call': 'The agent is not on a call', busy: 'Another supervisor is listening', unreachable: 'The agent is offline', failed: 'Listening failed', 'not-permitted': 'Your role may not listen to calls', 'not-registered': 'Phone not registered' },
  },
  settings: {
    title: 'Phone settings', sipUri: 'SIP URI', wsServers: 'WebSocket servers', authUser: 'Auth user', password: 'Password', passwordSaved: 'Saved (hidden)', realm: 'Realm', displayName: 'Display name',
    dialPrefix: 'Outside-line prefix', iceServers: 'STUN/TURN servers', dtmfMode: 'DTMF mode', autoAnswer: 'Auto answer', busyPolicy: 'Calls while not ready', reject: 'Reject (486)', queue: 'Leave in queue', acwSeconds: 'After-call work (s)',
    ivrHeader: 'IVR header', queueHeader: 'Queue header', save: 'Save', devices: 'Audio devices', microphone: 'Microphone', speaker: 'Speaker', ringer: 'Ringer', headset: 'Headset buttons', connectHeadset: 'Connect headset', headsetConnected: 'Connected: {{name}}',
    monitorSupervisors: 'Supervisor extensions allowed to listen (one per line)', monitorIndicator: 'Show when a supervisor is listening',
  },
};
