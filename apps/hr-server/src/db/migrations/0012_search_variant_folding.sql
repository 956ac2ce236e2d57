-- 異体字 in search (issue #9 item 12): rows written before toSearchForm folded KANJI_VARIANTS
-- (packages/contracts/src/japanese.ts) get the same folding here. Stored names are untouched; only
-- the search form changes. The two strings are that table's left and right columns, in order (a test
-- compares them with the table). Running it again changes nothing.
UPDATE employees
SET search_text = translate(search_text,
  '國櫻廣惠眞實彌澤濱邊藏齋齊龍瀧榮圓壽穗瀨萬來豐淺顯黑縣傳關將壯戰稻兒團驛樂嶽曉增乘髙德﨑𠮷栁嵜邉嶋嶌峯冨槇埜濵',
  '国桜広恵真実弥沢浜辺蔵斎斉竜滝栄円寿穂瀬万来豊浅顕黒県伝関将壮戦稲児団駅楽岳暁増乗高徳崎吉柳崎辺島島峰富槙野浜')
WHERE search_text <> translate(search_text,
  '國櫻廣惠眞實彌澤濱邊藏齋齊龍瀧榮圓壽穗瀨萬來豐淺顯黑縣傳關將壯戰稻兒團驛樂嶽曉增乘髙德﨑𠮷栁嵜邉嶋嶌峯冨槇埜濵',
  '国桜広恵真実弥沢浜辺蔵斎斉竜滝栄円寿穂瀬万来豊浅顕黒県伝関将壮戦稲児団駅楽岳暁増乗高徳崎吉柳崎辺島島峰富槙野浜');
