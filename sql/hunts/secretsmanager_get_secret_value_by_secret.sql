-- Built-in hunt secretsmanager_get_secret_value_by_secret translated by trailhunt with now() = 2026-01-01T00:00:00Z.
-- Regenerate: mvn -B test -Dtest=BuiltInHuntsTest -Dgolden.update=true
with
  "s1"("@timestamp", "aws.cloudtrail.request_parameters", "aws.cloudtrail.user_identity.arn", "event.action", "event.provider", "source.ip", "user_agent.name") as (
    select
      "@timestamp",
      case
        when strlen("aws.cloudtrail.request_parameters") <= 8191 then "aws.cloudtrail.request_parameters"
        when (length("aws.cloudtrail.request_parameters") + length(regexp_replace("aws.cloudtrail.request_parameters", '[^\x{10000}-\x{10FFFF}]', '', 'g'))) > 8191 then null
        else "aws.cloudtrail.request_parameters"
      end,
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.provider",
      "source.ip",
      "user_agent.name"
    from "events"
  ),
  "s2"("@timestamp", "aws.cloudtrail.request_parameters", "aws.cloudtrail.user_identity.arn", "event.action", "event.provider", "source.ip", "user_agent.name") as (
    select
      "@timestamp",
      "aws.cloudtrail.request_parameters",
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
  "s3"("@timestamp", "aws.cloudtrail.request_parameters", "aws.cloudtrail.user_identity.arn", "event.action", "event.provider", "source.ip", "user_agent.name", "__extract") as (
    select
      "@timestamp",
      "aws.cloudtrail.request_parameters",
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.provider",
      "source.ip",
      "user_agent.name",
      CASE WHEN regexp_matches("aws.cloudtrail.request_parameters", '(?s)^(?:.*?)secretId=(.*)') THEN regexp_extract("aws.cloudtrail.request_parameters", '(?s)^(?:.*?)secretId=(.*)', list_value('g1')) END
    from "s2"
  ),
  "s4"("@timestamp", "aws.cloudtrail.request_parameters", "aws.cloudtrail.user_identity.arn", "event.action", "event.provider", "source.ip", "user_agent.name", "secret_rest") as (
    select
      "@timestamp",
      "aws.cloudtrail.request_parameters",
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.provider",
      "source.ip",
      "user_agent.name",
      struct_extract("__extract", 'g1')
    from "s3"
  ),
  "s5"("@timestamp", "aws.cloudtrail.request_parameters", "aws.cloudtrail.user_identity.arn", "event.action", "event.provider", "source.ip", "user_agent.name", "secret_rest", "secret_value") as (
    select
      "@timestamp",
      "aws.cloudtrail.request_parameters",
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.provider",
      "source.ip",
      "user_agent.name",
      "secret_rest",
      regexp_replace("secret_rest", '[,}].*', '', 'g')
    from "s4"
  ),
  "s6"("__a0", "__k0", "__k1", "__k2", "__k3") as (
    select
      count(*),
      "aws.cloudtrail.user_identity.arn",
      "secret_value",
      "source.ip",
      "user_agent.name"
    from "s5"
    group by "aws.cloudtrail.user_identity.arn", "secret_value", "source.ip", "user_agent.name"
  ),
  "s7"("request_counts", "aws.cloudtrail.user_identity.arn", "secret_value", "source.ip", "user_agent.name") as (
    select
      "__a0",
      "__k0",
      "__k1",
      "__k2",
      "__k3"
    from "s6"
  )
select
  "request_counts",
  "aws.cloudtrail.user_identity.arn",
  "secret_value",
  "source.ip",
  "user_agent.name"
from "s7"
order by
  "request_counts" desc nulls first,
  "aws.cloudtrail.user_identity.arn" asc nulls last,
  "secret_value" asc nulls last
limit 1000;
