-- Built-in hunt cloudtrail_logging_disrupted translated by trailhunt with now() = 2026-01-01T00:00:00Z.
-- Regenerate: mvn -B test -Dtest=BuiltInHuntsTest -Dgolden.update=true
with
  "s1"("@timestamp", "aws.cloudtrail.user_identity.arn", "event.action", "event.outcome", "event.provider", "source.address", "user_agent.name") as (
    select
      "@timestamp",
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.outcome",
      "event.provider",
      "source.address",
      "user_agent.name"
    from "events"
  ),
  "s2"("@timestamp", "aws.cloudtrail.user_identity.arn", "event.action", "event.outcome", "event.provider", "source.address", "user_agent.name") as (
    select
      "@timestamp",
      "aws.cloudtrail.user_identity.arn",
      "event.action",
      "event.outcome",
      "event.provider",
      "source.address",
      "user_agent.name"
    from "s1"
    where (
      "@timestamp" > timestamp '2025-12-02 00:00:00.0'
      and "event.action" in (
        'StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'DeleteFlowLogs', 
        'DeleteLogGroup', 'DeleteLogStream', 'DeleteDetector', 'UpdateDetector', 
        'StopConfigurationRecorder', 'DeleteConfigurationRecorder'
      )
    )
  ),
  "s3"("@timestamp", "event.provider", "event.action", "event.outcome", "aws.cloudtrail.user_identity.arn", "source.address", "user_agent.name") as (
    select
      "@timestamp",
      "event.provider",
      "event.action",
      "event.outcome",
      "aws.cloudtrail.user_identity.arn",
      "source.address",
      "user_agent.name"
    from "s2"
  )
select
  "@timestamp",
  "event.provider",
  "event.action",
  "event.outcome",
  "aws.cloudtrail.user_identity.arn",
  "source.address",
  "user_agent.name"
from "s3"
order by
  "@timestamp" asc nulls last,
  "event.action" asc nulls last
limit 1000;
