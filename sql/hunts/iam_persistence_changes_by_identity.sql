-- Built-in hunt iam_persistence_changes_by_identity translated by trailhunt with now() = 2026-01-01T00:00:00Z.
-- Regenerate: mvn -B test -Dtest=BuiltInHuntsTest -Dgolden.update=true
with
  "s1"("@timestamp", "aws.cloudtrail.user_identity.arn", "event.action", "event.outcome", "event.provider", "source.address") as (
    select
      "@timestamp",
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.outcome",
      "event.provider",
      "source.address"
    from "events"
  ),
  "s2"("@timestamp", "aws.cloudtrail.user_identity.arn", "event.action", "event.outcome", "event.provider", "source.address") as (
    select
      "@timestamp",
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.outcome",
      "event.provider",
      "source.address"
    from "s1"
    where (
      "@timestamp" > timestamp '2025-12-25 00:00:00.0'
      and "event.provider" = 'iam.amazonaws.com'
      and "event.outcome" = 'success'
      and "event.action" in (
        'CreateUser', 'CreateLoginProfile', 'UpdateLoginProfile', 'CreateAccessKey', 
        'AttachUserPolicy', 'PutUserPolicy', 'AddUserToGroup', 'CreateRole', 'AttachRolePolicy', 
        'PutRolePolicy', 'UpdateAssumeRolePolicy'
      )
    )
  ),
  "s3"("__a0", "__a1", "__a2", "__a3", "__k0", "__k1") as (
    select
      count(*),
      list_sort(list_distinct(list("event.action"))),
      min("@timestamp"),
      max("@timestamp"),
      "aws.cloudtrail.user_identity.arn",
      "source.address"
    from "s2"
    group by "aws.cloudtrail.user_identity.arn", "source.address"
  ),
  "s4"("changes", "actions", "first_seen", "last_seen", "aws.cloudtrail.user_identity.arn", "source.address") as (
    select
      "__a0",
      list_sort("__a1"),
      "__a2",
      "__a3",
      "__k0",
      "__k1"
    from "s3"
  )
select
  "changes",
  "actions",
  "first_seen",
  "last_seen",
  "aws.cloudtrail.user_identity.arn",
  "source.address"
from "s4"
order by
  "changes" desc nulls first,
  "aws.cloudtrail.user_identity.arn" asc nulls last,
  "source.address" asc nulls last
limit 1000;
