-- Built-in hunt secretsmanager_list_then_read_secrets translated by trailhunt with now() = 2026-01-01T00:00:00Z.
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
      and "event.provider" = 'secretsmanager.amazonaws.com'
      and "event.action" in (
        'ListSecrets', 'DescribeSecret', 'GetSecretValue', 'BatchGetSecretValue'
      )
    )
  ),
  "s3"("@timestamp", "aws.cloudtrail.user_identity.arn", "event.action", "event.outcome", "event.provider", "source.address", "listing") as (
    select
      "@timestamp",
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.outcome",
      "event.provider",
      "source.address",
      case
        when "event.action" in (
          'ListSecrets', 'DescribeSecret'
        ) then 1
        else 0
      end
    from "s2"
  ),
  "s4"("@timestamp", "aws.cloudtrail.user_identity.arn", "event.action", "event.outcome", "event.provider", "source.address", "listing", "reading") as (
    select
      "@timestamp",
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.outcome",
      "event.provider",
      "source.address",
      "listing",
      case
        when "event.action" in (
          'GetSecretValue', 'BatchGetSecretValue'
        ) then 1
        else 0
      end
    from "s3"
  ),
  "s5"("@timestamp", "aws.cloudtrail.user_identity.arn", "event.action", "event.outcome", "event.provider", "source.address", "listing", "reading", "failed") as (
    select
      "@timestamp",
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.outcome",
      "event.provider",
      "source.address",
      "listing",
      "reading",
      case
        when "event.outcome" = 'failure' then 1
        else 0
      end
    from "s4"
  ),
  "s6"("__a0", "__a1", "__a2", "__a3", "__k0", "__k1") as (
    select
      try_cast(sum("listing") AS BIGINT),
      try_cast(sum("reading") AS BIGINT),
      try_cast(sum("failed") AS BIGINT),
      count(distinct "event.action"),
      "aws.cloudtrail.user_identity.arn",
      "source.address"
    from "s5"
    group by "aws.cloudtrail.user_identity.arn", "source.address"
  ),
  "s7"("listings", "reads", "failures", "kinds", "aws.cloudtrail.user_identity.arn", "source.address") as (
    select
      "__a0",
      "__a1",
      "__a2",
      "__a3",
      "__k0",
      "__k1"
    from "s6"
  ),
  "s8"("listings", "reads", "failures", "kinds", "aws.cloudtrail.user_identity.arn", "source.address") as (
    select
      "listings",
      "reads",
      "failures",
      "kinds",
      "aws.cloudtrail.user_identity.arn",
      "source.address"
    from "s7"
    where (
      "listings" > 0
      and "reads" > 0
    )
  )
select
  "listings",
  "reads",
  "failures",
  "kinds",
  "aws.cloudtrail.user_identity.arn",
  "source.address"
from "s8"
order by
  "reads" desc nulls first,
  "listings" desc nulls first,
  "aws.cloudtrail.user_identity.arn" asc nulls last,
  "source.address" asc nulls last
limit 1000;
