import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { expectReads, item } from './helpers.js';

describe('classifier', () => {
  // rn5: a regulator opening a (cyber)security review of a vendor's products (China's CAC review of
  // Micron, March 2023) is a restriction under consideration: proposed (a failed review stays in force).
  describe('classify: a security review opened by a regulator is proposed', () => {
    it.each([
      ['en', 'Beijing launches security review of Micron chips sold in China', 'The Cyberspace Administration said the review aims to protect critical infrastructure.'],
      ['en', 'Regulator opens national security investigation into Hikvision cameras', 'The agency said it had begun examining the products used by state bodies.'],
      ['zh', '网信办启动对美光在华产品的网络安全审查', '审查办公室表示,此举旨在保障关键信息基础设施供应链安全。'],
      ['zh', '監管機構對海康威視產品展開國家安全審查', '當局稱將依法處理。'],
      ['ko', '중국 당국, 마이크론 제품 보안 심사 착수', '중국 인터넷 규제 당국이 마이크론 반도체에 대한 심사를 시작했다.'],
      // 反制 names China's own countermeasure here, not a reaction to another state's measure
      ['zh', '中方反制 监管部门对苹果在华产品开展网络安全审查', '网络安全审查办公室宣布,将依法对苹果公司在华销售的产品进行审查。'],
      ['ja', '中国当局、マイクロン製品のセキュリティー審査を開始', '重要インフラの供給網の安全を守るためだという。'],
    ])('[%s] reads "%s" as proposed', (language, title, summary) => {
      expectReads(classify, language, title, summary, { stage: 'proposed' });
    });
  });

  // rn5: the Defense Department's list of Chinese military companies (1260H) has no legal effect of its
  // own: other_restriction, even for a drone maker in a ruling ("keeps DJI on the Pentagon's blacklist");
  // the investment ban of EO 13959 ("owned or controlled by the Chinese military", a stock ban) is sanctions.
  describe('classify: the 1260H list and the EO 13959 investment ban', () => {
    it.each([
      ['en', 'Court keeps drone maker DJI on Pentagon blacklist', 'A federal judge declined to order the Defense Department to drop the company from its list.', 'other_restriction'],
      ['en', 'Pentagon adds Hikvision to list of Chinese military-linked companies', 'The Defense Department updated the list on Friday.', 'other_restriction'],
      // a vendor to be banned "in the US" is a market ban, whatever the vendor's usual measure
      ['en', 'White House studying whether Alibaba should be blocked in the US', 'The administration is reviewing the e-commerce group after its moves against other Chinese apps, officials said.', 'market_ban'],
      ['en', 'US mulls adding Xiaomi, Lenovo to blacklist', 'The administration is weighing adding the firms to a blacklist of Chinese companies allegedly owned or controlled by the Chinese military, sources said.', 'sanctions'],
    ])('[%s] reads "%s" (%s) as %s', (language, title, summary, measure) => {
      expectReads(classify, language, title, summary, { measure });
    });
  });

  // rn5: a government asking another country (or its firms) not to fill the gap a measure leaves is
  // pressure on a third country, not a measure of the asking state (the US asking Korea about Micron).
  describe('classify: asking another country not to fill the gap', () => {
    it('still reads a threat of countermeasures as a reaction', () => {
      expect(classify(item('zh', '外交部:中方保留采取反制措施的权利', '针对美方将大疆列入实体清单,外交部发言人表示坚决反对。')).relevant).toBe(false);
    });
    it.each([
      ['en', 'US presses South Korea not to fill gap left by China’s Micron ban', 'Washington asked Seoul to keep its chipmakers from taking up Micron’s market share after Beijing barred its chips.'],
      ['ko', '미국, 일본에 "중국 내 마이크론 빈자리 채우지 말라" 요청', '미국 정부가 일본 반도체 기업들이 중국 시장에서 마이크론의 점유율을 가져가지 않도록 해달라고 요청했다.'],
    ])('[%s] "%s" is no measure', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });

  // rn5: vendors in other scripts are found (Micron in Cyrillic).
  describe('classify: vendor names in more scripts', () => {
    it.each([
      ['ru', 'Китай запретил продукцию Майкрон на объектах инфраструктуры', ['Micron']],
    ])('[%s] finds the vendor of "%s"', (language, title, vendors) => {
      const r = classify(item(language, title, ''));
      expect(r.vendors ?? []).toEqual(expect.arrayContaining(vendors));
    });
  });
});
