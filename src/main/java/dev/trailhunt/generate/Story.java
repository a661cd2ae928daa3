package dev.trailhunt.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plants the incident the samples tell, on top of ordinary traffic.
 *
 * <p>A forgotten IAM user ({@code legacy-reporting}), never seen before, calls from a Kali Linux
 * aws-cli at 198.51.100.77: it checks its identity, lists and pulls most production secrets
 * within a few minutes, creates an administrator user and a role trusting an outside account,
 * sweeps {@code DescribeInstances} across the regions, launches instances, and stops and
 * deletes the trail. Earlier, the web tier's instance role sent a shell command to another
 * instance; later, an anonymous client scrapes a public bucket. Terraform's routine
 * {@code CreateUser} with a read-only policy is the benign look-alike.
 */
final class Story {
    /** Names the IAM user the intruder uses. */
    static final String INTRUDER = "legacy-reporting";
    /** Names the administrator user the intruder creates. */
    static final String BACKDOOR_USER = "backup-admin";

    private final Estate estate;
    private final CallShapes shapes;
    private final Prng rnd;
    private final List<TrailRecord> records = new ArrayList<>();

    private Story(Estate estate, CallShapes shapes, Prng rnd) {
        this.estate = estate;
        this.shapes = shapes;
        this.rnd = rnd;
    }

    /** Writes the story's records, the attack starting at {@code attackStart}, sorted by time. */
    static List<TrailRecord> plant(Estate estate, CallShapes shapes, long seed, long attackStart) {
        Story s = new Story(estate, shapes, Prng.derive(seed, "story"));
        s.lateralCommand(attackStart - 3 * 3600);
        s.benignUserCreation(attackStart - 26 * 3600);
        s.attack(attackStart);
        s.publicBucketScrape(attackStart + 5400);
        s.records.sort(Comparator.comparingLong(r -> r.epochSecond));
        return List.copyOf(s.records);
    }

    private TrailRecord call(Principal p, Api api, String region, long t) {
        TrailRecord r = new TrailRecord(t, p, region);
        shapes.shape(r, api, rnd);
        records.add(r);
        return r;
    }

    private void attack(long t0) {
        Principal x = estate.intruder;
        String home = "us-east-1";
        long t = t0;
        call(x, Api.GET_CALLER_IDENTITY, home, t);
        t += 14;
        call(x, Api.LIST_SECRETS, home, t);
        t += 9;
        // Most production secrets, some twice, a few denied: far above any caller's normal rate.
        List<String> secrets = estate.prodSecrets;
        for (int i = 0; i < secrets.size() + 8; i++) {
            t += rnd.between(2, 6);
            TrailRecord r = call(x, Api.GET_SECRET_VALUE, home, t);
            shapes.getSecretValue(r, secrets.get(i % secrets.size()), i % 3 != 0);
            if (i % 11 == 7) {
                TrafficModel.deny(r, Api.GET_SECRET_VALUE);
            }
        }
        t += 120;
        call(x, Api.LIST_USERS, home, t);
        t += 25;
        shapes.createUser(call(x, Api.CREATE_USER, home, t), BACKDOOR_USER);
        t += 11;
        shapes.attachUserPolicy(call(x, Api.ATTACH_USER_POLICY, home, t), BACKDOOR_USER,
                "arn:aws:iam::aws:policy/AdministratorAccess");
        t += 8;
        shapes.createAccessKey(call(x, Api.CREATE_ACCESS_KEY, home, t), BACKDOOR_USER, rnd);
        t += 40;
        shapes.createRole(call(x, Api.CREATE_ROLE, home, t), "ops-support-access", Estate.EXTERNAL, rnd);
        // The region sweep starts on a 30-second boundary so that DATE_TRUNC(30 seconds) keeps it in one window.
        t = (t / 60 + 2) * 60;
        for (String region : Estate.ALL_REGIONS) {
            call(x, Api.DESCRIBE_INSTANCES, region, t + rnd.between(0, 1)).requestParameters =
                    CallShapes.obj("instancesSet", CallShapes.obj(), "filterSet", CallShapes.obj());
            t += 1;
        }
        t += 90;
        TrailRecord big = call(x, Api.RUN_INSTANCES, home, t);
        big.errorCode = "Client.VcpuLimitExceeded";
        big.errorMessage = "You have requested more vCPU capacity than your current vCPU limit of 64 allows for the "
                + "instance bucket that the specified instance type belongs to.";
        shapes.runInstances(big, rnd, 1, 40, "c6i.8xlarge");
        big.responseElements = null;
        t += 30;
        shapes.runInstances(call(x, Api.RUN_INSTANCES, home, t), rnd, 1, 7, "c6i.2xlarge");
        t += 300;
        call(x, Api.DELETE_FLOW_LOGS, home, t);
        t += 20;
        call(x, Api.STOP_LOGGING, home, t);
        t += 15;
        call(x, Api.DELETE_TRAIL, home, t);
    }

    private void lateralCommand(long t) {
        Principal web = estate.appBackend;
        TrailRecord r = call(web, Api.SEND_COMMAND, "us-east-1", t);
        r.userAgent = Estate.UA_BOTO3;
        shapes.sendCommand(r, estate.prodInstances.get(3), "AWS-RunShellScript", rnd);
    }

    private void benignUserCreation(long t) {
        Principal tf = estate.terraform;
        shapes.createUser(call(tf, Api.CREATE_USER, "us-east-1", t), "svc-metrics");
        shapes.attachUserPolicy(call(tf, Api.ATTACH_USER_POLICY, "us-east-1", t + 2), "svc-metrics",
                "arn:aws:iam::aws:policy/ReadOnlyAccess");
    }

    private void publicBucketScrape(long t) {
        for (int i = 0; i < 24; i++) {
            t += rnd.between(1, 3);
            TrailRecord r = call(estate.anonymous, Api.GET_OBJECT, "us-east-1", t);
            String key = "press/" + String.format(java.util.Locale.ROOT, "kit-%02d.zip", i);
            shapes.s3Object(r, estate.publicBucket, key, rnd);
            // Unsigned requests carry no signature details.
            r.additionalEventData.remove("AuthenticationMethod");
            r.additionalEventData.remove("SignatureVersion");
        }
    }
}
