-- Built-in hunt secretsmanager_high_frequency_get_secret_value translated by trailhunt with now() = 2026-01-01T00:00:00Z.
-- Regenerate: mvn -B test -Dtest=BuiltInHuntsTest -Dgolden.update=true
with
  "s1"("@timestamp", "aws.cloudtrail.user_identity.arn", "event.action", "event.provider", "source.ip", "user_agent.name") as (
    select
      "@timestamp",
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.provider",
      "source.ip",
      "user_agent.name"
    from "events"
  ),
  "s2"("@timestamp", "aws.cloudtrail.user_identity.arn", "event.action", "event.provider", "source.ip", "user_agent.name") as (
    select
      "@timestamp",
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.provider",
      "source.ip",
      "user_agent.name"
    from "s1"
    where (
      "@timestamp" > timestamp '2025-12-25 00:00:00.0'
      and "event.provider" = 'secretsmanager.amazonaws.com'
      and "event.action" = 'GetSecretValue'
      and "user_agent.name" not in (
        'Chrome', 'Firefox', 'Safari', 'Edge', 'Brave', 'Opera'
      )
    )
  ),
  "s3"("__a0", "__k0", "__k1", "__k2", "__k3") as (
    select
      count(*),
      "event.action",
      "aws.cloudtrail.user_identity.arn",
      "source.ip",
      "user_agent.name"
    from "s2"
    group by "event.action", "aws.cloudtrail.user_identity.arn", "source.ip", "user_agent.name"
  ),
  "s4"("request_counts", "event.action", "aws.cloudtrail.user_identity.arn", "source.ip", "user_agent.name") as (
    select
      "__a0",
      "__k0",
      "__k1",
      "__k2",
      "__k3"
    from "s3"
  )
select
  "request_counts",
  "event.action",
  "aws.cloudtrail.user_identity.arn",
  "source.ip",
  "user_agent.name"
from "s4"
order by
  "request_counts" asc nulls last,
  "aws.cloudtrail.user_identity.arn" asc nulls last
limit 1000;
