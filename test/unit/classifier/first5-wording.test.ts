import { describe, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { expectReads } from './helpers.js';

describe('classifier', () => {
  // first5: a vendor given a "reprieve" from a ban or a listing is the measure's enforcement delayed
  // (lifted, as a temporary licence or a delayed ban already are); a government withdrawing its own
  // plan or draft decides not to act (rejected, not lifted: nothing was in force); a Korean statement
  // that a government will remove or replace (…하겠다, …될 것) is announced, not in force.
  describe('classify: reprieves, plans withdrawn, Korean stated intentions', () => {
    it.each([
      ['en', 'US grants Huawei another reprieve on trade blacklist', '', 'lifted'],
      ['en', 'US gives ZTE a 60-day reprieve from export ban', '', 'lifted'],
      ['zh', '美国商务部撤回限制大疆无人机进口的计划', '', 'rejected'],
      ['ja', '米商務省、DJIなど中国製ドローンの輸入規制案を撤回', '', 'rejected'],
      ['ko', '미 상무부, 중국 드론 DJI 수입 제한 계획 철회', '', 'rejected'],
      ['en', 'Commerce Department withdraws plan to restrict imports of DJI drones', '', 'rejected'],
      ['en', 'US withdraws plans to ban Chinese drones from DJI', '', 'rejected'],
      ['ko', '영국 정부, 공공기관 하이크비전 카메라 교체하겠다', '', 'announced'],
      ['ko', '호주 국방부, 하이크비전 CCTV 모두 철거하겠다', '국방부는 건물에 설치된 하이크비전 카메라를 철거하겠다고 밝혔다.', 'announced'],
      ['ko', '호주 국방장관 "하이크비전 카메라 모두 철거될 것"', '', 'announced'],
    ])('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      expectReads(classify, language, title, summary, { stage });
    });
  });
});
