/**
 * The licensing check (docs/licensing-check.md). {@code CheckService} answers one code or a batch,
 * each step a piece of its own in this package: {@code CodeReader} (codes to subject keys),
 * {@code CurrentFacts} (the cache, then MySQL) or {@code RegisterHistory} ({@code asOf}),
 * {@code AnswerAssembler} (verdict, bases, measures), {@code CheckReceipts} (signing and audit).
 * {@code CheckCacheMaintainer} and {@code CacheRewarmer} keep the cache in step with the register,
 * {@code CriteriaSnapshot} and {@code MeasureCatalogue} hold what an answer names in memory.
 * Below: {@code domain} (the rules, plain Java), {@code cache} (Redis and its version guard),
 * {@code receipt} (Ed25519 and group signing), {@code audit} (the audit rows and their writer).
 * The check is a read model: {@code CheckMapper.xml} reads other modules' data only through their
 * {@code *_read} views (V14).
 */
package cn.chongchuan.safetycredit.credit.check;
