/**
 * Labels of the form head and foot: fields the canonical model knows and printed fields it does
 * not (those go to `extras`). Matched after `normalizeLabel` (vocabulary.ts).
 */

/** Project and footer fields the canonical model knows, by printed label. */
export type FieldKey =
  | 'name'
  | 'period'
  | 'department'
  | 'implementer'
  | 'isKeyProject'
  | 'attribute'
  | 'preparer'
  | 'phone'
  | 'remarks'
  | 'total'
  | 'grade';

export const FIELD_LABELS: ReadonlyMap<string, FieldKey> = new Map([
  ['项目名称', 'name'],
  ['专项名称', 'name'],
  // Hunan county forms (县级专项资金绩效目标自评表) name the project and its one department so.
  ['专项资金名称', 'name'],
  ['项目起止时间', 'period'],
  ['项目实施期', 'period'],
  ['专项实施期', 'period'],
  ['实施期', 'period'],
  ['主管部门', 'department'],
  ['项目主管部门', 'department'],
  ['项目主管单位', 'department'],
  ['主管部门(盖章)', 'department'],
  ['县级主管部门', 'department'],
  ['实施单位', 'implementer'],
  ['项目实施单位', 'implementer'],
  ['实施单位(盖章)', 'implementer'],
  ['资金使用单位', 'implementer'],
  ['是否重点绩效项目', 'isKeyProject'],
  ['项目属性', 'attribute'],
  ['填表人', 'preparer'],
  ['联系电话', 'phone'],
  ['说明', 'remarks'],
  ['总分', 'total'],
  ['自评得分', 'total'],
  ['自评总分', 'total'],
  ['项目总得分', 'total'],
  ['评价等级', 'grade'],
  ['自评等级', 'grade'],
]);

/** A project name printed after its code (Sichuan system exports): `51000021R000000019951-工资性支出`. */
export const PROJECT_CODE = /^([0-9A-Za-z]{10,})\s*[-－—]\s*(.+)$/;

/** Printed fields the model has no place for: they go to `extras` under the label as printed. */
export const EXTRA_LABELS: ReadonlySet<string> = new Set([
  '项目负责人',
  '财务负责人',
  '单位负责人',
  '联系人',
  '联系人及电话',
  '负责人及电话',
  '项目负责人及电话',
  '填报日期',
  '单位名称',
  '项目类别',
  '项目类型',
  '项目单位(盖章)',
  '主要领导签字',
  '单位领导审签',
  '评价结论',
  '存在问题',
  '改进措施',
  // The foot row of Yunnan forms, after the last indicator (110).
  '其他需要说明事项',
  // The foot rows of Hubei forms (family E: 014, 015, 106, 109).
  '偏差大或目标未完成原因分析',
  '改进措施及结果应用方案',
  '中央主管部门',
  '地方主管部门',
  '省级财政部门',
  '省级主管部门',
  '市县财政部门',
  '市县主管部门',
  '自治区主管部门',
  '财政审核评分',
  '复核得分',
  '合计',
  '填报类型',
]);
