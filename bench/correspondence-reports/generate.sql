insert into correspondence.case_report_rows (case_id, number, type, managing_team_id, responding_team_id, team_id, received_on, received_month, final_deadline, responded_on, timeliness, closed_on, outcome, appeal_outcome, state, is_open, late_team, scope_path, updated_at, deleted_at)
select gen_random_uuid(), lpad(i::text, 12, '0'),
  (array['Foi','Foi','Foi','Sar','Sar','FoiInternalReview','IcoAppealFoi','IcoAppealSar'])[1 + i % 8],
  ('00000000-0000-0000-0000-' || lpad((i % 20)::text, 12, '0'))::uuid,
  ('00000000-0000-0000-0001-' || lpad((i % 200)::text, 12, '0'))::uuid,
  ('00000000-0000-0000-0001-' || lpad((i % 200)::text, 12, '0'))::uuid,
  d, extract(year from d)::int * 100 + extract(month from d)::int, d + 28,
  case when i % 50 = 0 then null else d + (i % 35) end,
  case when i % 50 = 0 then 'Pending' when (i % 35) > 28 then 'Late' else 'InTime' end,
  case when i % 50 = 0 then null else d + 40 end,
  case when i % 50 = 0 then null else 'Granted' end,
  case when i % 8 in (6, 7) and i % 50 <> 0 then (array['Upheld','UpheldInPart','Overturned'])[1 + i % 3] end,
  case when i % 50 = 0 then 'drafting' else 'closed' end, i % 50 = 0, null,
  '/' || lpad((i % 10)::text, 32, 'a') || '/', now(), null
from (select i, date '2016-01-01' + (i % 3650) as d from generate_series(1, 1000000) i) s;
analyze correspondence.case_report_rows;
