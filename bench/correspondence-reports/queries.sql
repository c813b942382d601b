\timing on
-- timeliness, national, 12 months
select received_month, type, team_id, sum(case when timeliness='InTime' then 1 else 0 end), sum(case when timeliness='Late' then 1 else 0 end) from correspondence.case_report_rows where deleted_at is null and timeliness <> 'Pending' and received_month >= 202501 and received_month <= 202512 group by received_month, type, team_id;
-- timeliness, one business group (scope prefix), 12 months
select received_month, type, team_id, sum(case when timeliness='InTime' then 1 else 0 end), sum(case when timeliness='Late' then 1 else 0 end) from correspondence.case_report_rows where deleted_at is null and scope_path like '/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa3/%' and timeliness <> 'Pending' and received_month >= 202501 and received_month <= 202512 group by received_month, type, team_id;
-- timeliness, national, all time
select count(*) from (select received_month, type, team_id, sum(case when timeliness='InTime' then 1 else 0 end), sum(case when timeliness='Late' then 1 else 0 end) from correspondence.case_report_rows where deleted_at is null and timeliness <> 'Pending' group by received_month, type, team_id) x;
-- appeals, national
select type, is_open, appeal_outcome, outcome, count(*) from correspondence.case_report_rows where deleted_at is null and type in ('FoiInternalReview','SarInternalReview','IcoAppealFoi','IcoAppealSar') group by type, is_open, appeal_outcome, outcome;
-- ageing, national
select team_id, type, b, count(*) from (select team_id, type, case when received_on >= date '2026-11-03' then 0 when received_on >= date '2026-10-14' then 1 when received_on >= date '2026-09-24' then 2 when received_on >= date '2026-08-25' then 3 else 4 end b from correspondence.case_report_rows where deleted_at is null and is_open) x group by team_id, type, b;
