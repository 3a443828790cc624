import { describe, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { expectReads } from './helpers.js';

describe('classifier', () => {
  // fp4: Italian "proibire" (proibisce, proibito, proibizione…) is a ban verb like "vietare", also in
  // the plans, threats and refusals that name the verb ("pensa di proibire", "vuole proibire").
  describe('classify: Italian proibire', () => {
    it.each([
      ['it', 'La Grecia proibisce TikTok sui telefoni dei ministeri', '', 'in_force'],
      ['it', 'Il Belgio e TikTok', "Il governo belga ha proibito l'uso di TikTok sui telefoni dei dipendenti pubblici.", 'in_force'],
      ['it', 'Il governo olandese pensa di proibire TikTok ai funzionari', '', 'proposed'],
    ])('[%s] "%s" is %s', (language, title, summary, stage) => expectReads(classify, language, title, summary, { stage }));
  });
});
