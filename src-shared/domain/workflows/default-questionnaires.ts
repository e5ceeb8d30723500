// The follow-up call scripts of seed 002 as default questionnaires, in Chinese: the repair
// follow-up (维修回访问卷, 7 questions) and the sales follow-up (销售回访问卷, 8 questions),
// each ending with the "satisfied / not satisfied" closing lines. Every judgement question
// offers 满意/不满意 (or 是/否); a negative answer asks for the reason and opens a complaint.
// One unnumbered closing question asks whether the customer wants service booked.
import type { Question, QuestionOption, Questionnaire } from './questionnaire';

const satisfied: readonly QuestionOption[] = Object.freeze([
  { value: 'satisfied', label: '满意' },
  { value: 'not_satisfied', label: '不满意', action: 'open_complaint' as const },
]);
const yesNo: readonly QuestionOption[] = Object.freeze([
  { value: 'yes', label: '是' },
  { value: 'no', label: '否', action: 'open_complaint' as const },
]);

function judged(id: string, text: string, options = satisfied): Question[] {
  return [
    { id, type: 'single', text, numbered: true, required: true, options },
    { id: `${id}_reason`, type: 'text', text: '请问主要是哪方面不满意?', numbered: false, required: false, showIf: { questionId: id, anyOf: ['not_satisfied', 'no'] } },
  ];
}

const wantsService: Question = {
  id: 'wants_service',
  type: 'single',
  text: '近期是否需要为您预约保养或维修?',
  numbered: false,
  required: false,
  options: [
    { value: 'yes', label: '需要预约', action: 'book_appointment' },
    { value: 'no', label: '暂不需要' },
  ],
};

export const repairFollowUp: Questionnaire = Object.freeze<Questionnaire>({
  id: 'repair_follow_up',
  title: '维修回访问卷',
  purpose: 'repair_follow_up',
  script: '您好,××先生/女士,我是××公司客服专员××,您的爱车于××××在我们公司进行了××(维修项目),现在是否方便占用您2分钟回访您一下?',
  questions: [
    ...judged('overall', '对于在我们这边检修车辆的经历,总体来说您是否满意?'),
    ...judged('staff', '您对我们公司的维修人员的业务水平和服务态度是否满意?'),
    ...judged('explained', '车辆在进行维修之前,客服专员是否将维修内容及费用向您进行了清楚的解释?', yesNo),
    ...judged('on_time', '维修中心的人员是否在承诺的时间内将您的爱车维修、保养好?', yesNo),
    ...judged('clean', '交车时车辆是否清洁干净?', yesNo),
    ...judged('value', '交车时觉得付费是否物有所值?', yesNo),
    ...judged('lounge', '您在休息期间环境和气氛是否令您满意?'),
    wantsService,
  ],
  closing: {
    notSatisfied: '很高兴您将意见反馈给我们,我会将您的建议马上反映给相应部门,保证我们会尽全力解决您所抱怨的问题。再见!',
    satisfied: '感谢您对我们的配合及支持。我们公司的目标是使您非常满意,若有不满,请与我们的客服中心联系。再次感谢。再见!',
  },
});

export const salesFollowUp: Questionnaire = Object.freeze<Questionnaire>({
  id: 'sales_follow_up',
  title: '销售回访问卷',
  purpose: 'sales_follow_up',
  script: '您好,××先生/女士,我是××公司客服专员××,您在××××日在我们这里购买了××,现在是否方便占用您2分钟回访您一下?',
  questions: [
    { id: 'is_owner', type: 'single', text: '请问您是车主本人吗?', numbered: true, required: true, options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }] },
    { id: 'address', type: 'text', text: '您的联系地址是?', numbered: false, required: false },
    ...judged('purchase', '对于您的购买经历,总体来说还满意吗?'),
    ...judged('quality', '在您使用的这段期间,您对您的爱车的总体质量情况是否满意?'),
    ...judged('consultant', '您购车的过程中,销售顾问对您是否礼貌?业务水平是否专业?'),
    ...judged('features', '销售顾问是否向您清楚地解释了您的汽车的特性和操作方法?', yesNo),
    ...judged('warranty', '销售顾问是否向您解释了车辆的保修范围和常规保养?', yesNo),
    ...judged('showroom', '对于我们公司的外观形象和清洁度,总体来说您是否满意?'),
    ...judged('introduced', '交车时,为您介绍过维修服务专员和客服专员吗?', yesNo),
    wantsService,
  ],
  closing: {
    notSatisfied: '很高兴您将意见反馈给我们,我会将您的建议马上反映给相应部门,保证我们会尽力解决您所抱怨的问题。再见!',
    satisfied: '感谢您对我们的配合及支持。我们公司的目标是使您非常满意,若有意见或建议,请您与我们的客服中心联系。再次感谢。再见!',
  },
});

export const defaultQuestionnaires: readonly Questionnaire[] = Object.freeze([repairFollowUp, salesFollowUp]);
