package dev.trailhunt.generate;

import static dev.trailhunt.generate.Api.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates the ordinary, everyday traffic of the estate: each caller's habits, weighted by how busy it is.
 *
 * <p>SDK and CLI callers read secrets at a low rate; console users (Chrome, Firefox, Safari) browse
 * secrets too, which the seed hunt must exclude.
 */
final class TrafficModel {
    /** A caller and the calls it makes, each with a relative weight. */
    private record Habit(Principal principal, int weight, List<Api> apis, int[] apiWeights) {}

    private final CallShapes shapes;
    private final List<Habit> prodHabits = new ArrayList<>();
    private final List<Habit> devHabits = new ArrayList<>();

    TrafficModel(Estate estate, CallShapes shapes) {
        this.shapes = shapes;
        Estate e = estate;
        habit(prodHabits, e.appBackend, 22, GET_OBJECT, 30, PUT_OBJECT, 10, DECRYPT, 12, GET_PARAMETER, 10,
                UPDATE_INSTANCE_INFORMATION, 12, GET_SECRET_VALUE, 2, GET_CALLER_IDENTITY, 1);
        habit(prodHabits, e.ordersLambda, 16, PUT_OBJECT, 25, GENERATE_DATA_KEY, 10, DECRYPT, 10, PUBLISH, 20,
                CREATE_LOG_STREAM, 10, GET_SECRET_VALUE, 2);
        habit(prodHabits, e.paymentsEks, 10, GET_OBJECT, 20, DECRYPT, 20, GET_SECRET_VALUE, 2, GET_CALLER_IDENTITY, 2);
        habit(prodHabits, e.jenkins, 6, DESCRIBE_INSTANCES, 20, PUT_OBJECT, 20, DESCRIBE_STACKS, 15, GET_ROLE, 5,
                RUN_INSTANCES, 2, MODIFY_INSTANCE_ATTRIBUTE, 1, AUTHORIZE_SECURITY_GROUP_INGRESS, 1, GET_SECRET_VALUE, 1);
        habit(prodHabits, e.alice, 4, CONSOLE_LOGIN, 2, DESCRIBE_INSTANCES, 20, LIST_BUCKETS, 10, LIST_SECRETS, 6,
                DESCRIBE_SECRET, 6, GET_SECRET_VALUE, 8, LIST_USERS, 6, LOOKUP_EVENTS, 8, DESCRIBE_LOG_GROUPS, 6,
                LIST_FUNCTIONS, 6);
        habit(prodHabits, e.bob, 4, DESCRIBE_INSTANCES, 20, DESCRIBE_SECURITY_GROUPS, 10, LIST_SECRETS, 6,
                DESCRIBE_SECRET, 6, GET_SECRET_VALUE, 8, DESCRIBE_TRAILS, 4, LIST_TOPICS, 6, GET_USER, 6);
        habit(prodHabits, e.carol, 3, GET_CALLER_IDENTITY, 10, LIST_BUCKETS, 10, GET_OBJECT, 10, DESCRIBE_INSTANCES, 10,
                DESCRIBE_LOG_GROUPS, 6, GET_SECRET_VALUE, 3);
        habit(prodHabits, e.terraform, 3, DESCRIBE_INSTANCES, 15, DESCRIBE_SECURITY_GROUPS, 15, GET_ROLE, 15,
                GET_CALLER_IDENTITY, 10, ATTACH_ROLE_POLICY, 1, CREATE_ROLE, 1, AUTHORIZE_SECURITY_GROUP_INGRESS, 1);
        habit(prodHabits, e.configRole, 6, DESCRIBE_INSTANCES, 10, DESCRIBE_SECURITY_GROUPS, 10, GET_BUCKET_ACL, 10,
                LIST_USERS, 3, DESCRIBE_TRAILS, 3);
        habit(prodHabits, e.advisorRole, 2, LIST_BUCKETS, 5, DESCRIBE_INSTANCES, 5, DESCRIBE_TRAILS, 2);
        habit(prodHabits, e.ec2Service, 1, ASSUME_ROLE, 1);
        habit(prodHabits, e.lambdaService, 1, ASSUME_ROLE, 1);
        habit(prodHabits, e.cloudtrailService, 2, GET_BUCKET_ACL, 1);

        habit(devHabits, e.devCi, 30, GET_CALLER_IDENTITY, 10, PUT_OBJECT, 20, DESCRIBE_INSTANCES, 10,
                RUN_INSTANCES, 1, GET_SECRET_VALUE, 3, DESCRIBE_STACKS, 10);
        habit(devHabits, e.devEtl, 30, GET_OBJECT, 30, PUT_OBJECT, 20, GET_SECRET_VALUE, 2, DECRYPT, 10);
        habit(devHabits, e.dave, 10, CONSOLE_LOGIN, 1, DESCRIBE_INSTANCES, 10, LIST_BUCKETS, 10, GET_SECRET_VALUE, 4,
                LIST_FUNCTIONS, 5, LOOKUP_EVENTS, 5);
        habit(devHabits, e.devRoot, 1, CONSOLE_LOGIN, 3, LIST_USERS, 2, LIST_BUCKETS, 2);
        habit(devHabits, e.devConfig, 15, DESCRIBE_INSTANCES, 10, GET_BUCKET_ACL, 10, DESCRIBE_SECURITY_GROUPS, 5);
        habit(devHabits, e.devEc2Service, 2, ASSUME_ROLE, 1);
    }

    private static void habit(List<Habit> into, Principal p, int weight, Object... apiAndWeight) {
        List<Api> apis = new ArrayList<>();
        int[] w = new int[apiAndWeight.length / 2];
        for (int i = 0; i < apiAndWeight.length; i += 2) {
            apis.add((Api) apiAndWeight[i]);
            w[i / 2] = (Integer) apiAndWeight[i + 1];
        }
        into.add(new Habit(p, weight, List.copyOf(apis), w));
    }

    /** Makes one ordinary call in the given account and region at the given time. */
    TrailRecord next(Prng rnd, String account, String region, long epochSecond) {
        List<Habit> habits = account.equals(Estate.PROD) ? prodHabits : devHabits;
        Habit h = habits.get(weighted(rnd, habits.size(), i -> habits.get(i).weight()));
        Api api = h.apis().get(weighted(rnd, h.apiWeights().length, i -> h.apiWeights()[i]));
        // Global services log in us-east-1 only; a caller in another region makes a regional call instead.
        if (api.global() && !region.equals("us-east-1")) {
            api = GET_CALLER_IDENTITY;
        }
        TrailRecord r = new TrailRecord(epochSecond, h.principal(), region);
        shapes.shape(r, api, rnd);
        if (!h.principal().isService() && api != CONSOLE_LOGIN && rnd.chance(0.02)) {
            deny(r, api);
        }
        return r;
    }

    /** Turns a call into the failure CloudTrail logs when the caller lacks permission. */
    static void deny(TrailRecord r, Api api) {
        String action = api.eventSource.substring(0, api.eventSource.indexOf('.')) + ":" + api.eventName;
        r.errorCode = api.eventSource.startsWith("s3.") ? "AccessDenied"
                : api.eventSource.startsWith("ec2.") ? "Client.UnauthorizedOperation" : "AccessDenied";
        r.errorMessage = "User: " + (r.principal.arn() == null ? "anonymous" : r.principal.arn())
                + " is not authorized to perform: " + action
                + " because no identity-based policy allows the " + action + " action";
        r.responseElements = null;
    }

    private static int weighted(Prng rnd, int n, java.util.function.IntUnaryOperator weight) {
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += weight.applyAsInt(i);
        }
        int x = rnd.nextInt(total);
        for (int i = 0; i < n; i++) {
            x -= weight.applyAsInt(i);
            if (x < 0) {
                return i;
            }
        }
        return n - 1;
    }
}
