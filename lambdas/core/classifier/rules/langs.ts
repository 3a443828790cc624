/**
 * The lexicons of the languages added after the first nine (issue 12): the Nordic and Baltic
 * languages, Dutch, the Slavic languages of Central and Eastern Europe, Romanian, Hungarian, Greek,
 * Turkish, Arabic, Hebrew, Vietnamese, Indonesian, Thai and Hindi. Kept apart from index.ts so that
 * adding or removing one of them touches this file only. Language identification (which lexicon
 * reads an item) is langid.ts.
 */
import type { Lexicon } from '../types.js';
import ar from './lang/ar.json' with { type: 'json' };
import cs from './lang/cs.json' with { type: 'json' };
import da from './lang/da.json' with { type: 'json' };
import el from './lang/el.json' with { type: 'json' };
import et from './lang/et.json' with { type: 'json' };
import fi from './lang/fi.json' with { type: 'json' };
import he from './lang/he.json' with { type: 'json' };
import hi from './lang/hi.json' with { type: 'json' };
import hu from './lang/hu.json' with { type: 'json' };
import id_ from './lang/id.json' with { type: 'json' };
import lt from './lang/lt.json' with { type: 'json' };
import lv from './lang/lv.json' with { type: 'json' };
import nl from './lang/nl.json' with { type: 'json' };
import no_ from './lang/no.json' with { type: 'json' };
import pl from './lang/pl.json' with { type: 'json' };
import ro from './lang/ro.json' with { type: 'json' };
import ru from './lang/ru.json' with { type: 'json' };
import sk from './lang/sk.json' with { type: 'json' };
import sv from './lang/sv.json' with { type: 'json' };
import th from './lang/th.json' with { type: 'json' };
import tr from './lang/tr.json' with { type: 'json' };
import uk from './lang/uk.json' with { type: 'json' };
import vi from './lang/vi.json' with { type: 'json' };

export const ADDED_LEXICONS = { sv, da, no: no_, fi, et, nl, pl, cs, sk, ro, hu, el, ru, uk, tr, ar, he, vi, id: id_, th, hi, lt, lv } as unknown as Record<string, Lexicon>;
