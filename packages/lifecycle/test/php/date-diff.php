<?php
// Pairs of dates and PHP's DateTime::diff of them (months = y·12 + m, days = d), both directions,
// with many month ends; for packages/lifecycle/src/internal/phpDate.test.ts.
mt_srand(17);
// Run: php packages/lifecycle/test/php/date-diff.php | head -400 > packages/lifecycle/test/php/date-diff.txt (PHP 8.2.36 here).
for ($i = 0; $i < 4000; $i++) {
  $y1 = mt_rand(2019, 2027); $m1 = mt_rand(1, 12);
  $dim1 = cal_days_in_month(CAL_GREGORIAN, $m1, $y1);
  $d1 = mt_rand(0, 2) == 0 ? $dim1 : mt_rand(1, $dim1);
  $a = new DateTime(sprintf("%04d-%02d-%02d", $y1, $m1, $d1), new DateTimeZone('UTC'));
  $b = clone $a; $b->modify((mt_rand(0, 1) ? '+' : '-') . mt_rand(0, 2000) . ' day');
  if (mt_rand(0, 2) == 0) { $bm = (int)$b->format('n'); $by = (int)$b->format('Y'); $b->setDate($by, $bm, cal_days_in_month(CAL_GREGORIAN, $bm, $by)); }
  $d = $a->diff($b);
  echo $a->format('Y-m-d'), " ", $b->format('Y-m-d'), " ", $d->y * 12 + $d->m, " ", $d->d, "\n";
}
