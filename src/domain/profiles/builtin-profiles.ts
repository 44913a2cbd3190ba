import { profileSchema, type Profile, type ProfileInput } from './profile.schema.js';

/**
 * The built-in rule profiles. `central-2020` is 财预〔2020〕10号 as docs/spec/scoring.md states it;
 * `budget-20` differs in every configurable point, to prove that nothing is hard-coded. Both go
 * through profileSchema like a user's profile, so a typo here fails at start, not in a score.
 */

const produce = ['产出指标', '产出', '项目产出', '成本指标'];
const benefit = ['效益指标', '效益', '效果指标', '项目效益', '项目效果'];
const satisfaction = ['满意度指标', '满意度', '服务对象满意度指标', '服务对象满意度'];

const central2020: ProfileInput = {
  name: 'central-2020',
  title: '财政部 财预〔2020〕10号',
  description: '预算执行率 10 分，产出 50 分，效益 30 分，满意度 10 分；无满意度指标时其分值并入效益。',
  budgetPoints: 10,
  categories: [
    { name: '产出指标', points: 50, level1: produce },
    { name: '效益指标', points: 30, level1: benefit },
    { name: '满意度指标', points: 10, level1: satisfaction },
  ],
  redistribute: [{ from: '满意度指标', to: '效益指标' }],
  qualitativeTiers: [
    { name: '全部或基本达成预期指标', min: 80, max: 100 },
    { name: '部分达成预期指标并具有一定效果', min: 60, max: 80 },
    { name: '未达成预期指标且效果较差', min: 0, max: 60 },
  ],
  reverseRule: 'linear',
  grades: [
    { grade: '优', min: 90 },
    { grade: '良', min: 80 },
    { grade: '中', min: 60 },
    { grade: '差', min: 0 },
  ],
  overAchievement: { threshold: 1.3, deductionPerIndicator: 0 },
  executionCaps: [],
  lowExecutionBelow: 90,
  summaryWeight: 'budget',
};

const budget20: ProfileInput = {
  name: 'budget-20',
  title: '执行率 20 分（地方口径示例）',
  description:
    '预算执行率 20 分，产出 40 分，效益与满意度合计 40 分；定性三档 100–80 / 80–50 / 50–0；反向指标 r = min(1, A/B)；' +
    '执行率 70–80% 总分至多 89，60–70% 至多 79，低于 60% 至多 69；每个超额完成的指标扣 2 分；超额阈值 120%；' +
    '执行率低于 85% 提示；部门汇总按执行数加权。',
  budgetPoints: 20,
  categories: [
    { name: '产出指标', points: 40, level1: produce },
    { name: '效益指标', points: 40, level1: [...benefit, ...satisfaction] },
  ],
  redistribute: [],
  qualitativeTiers: [
    { name: '全部或基本达成预期指标', min: 80, max: 100 },
    { name: '部分达成预期指标并具有一定效果', min: 50, max: 80 },
    { name: '未达成预期指标且效果较差', min: 0, max: 50 },
  ],
  reverseRule: 'inverse',
  grades: [
    { grade: '优', min: 90 },
    { grade: '良', min: 80 },
    { grade: '中', min: 60 },
    { grade: '差', min: 0 },
  ],
  overAchievement: { threshold: 1.2, deductionPerIndicator: 2 },
  executionCaps: [
    { below: 80, maxTotal: 89 },
    { below: 70, maxTotal: 79 },
    { below: 60, maxTotal: 69 },
  ],
  lowExecutionBelow: 85,
  summaryWeight: 'executed',
};

export const builtinProfiles: Readonly<Record<string, Profile>> = Object.freeze(
  Object.fromEntries([central2020, budget20].map((p) => [p.name, Object.freeze(profileSchema.parse(p))])),
);

export const defaultProfileName = 'central-2020';
