package dev.trailhunt.ingest.ecs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the pipeline's event-name table ({@code script_add_ecs_categorization}, 91 names) that sets
 * {@code event.category} and {@code event.type}; lists are kept sorted as ES|QL reads them from doc values.
 */
final class EventCategorization {

    /** Carries the sorted category and type lists for one event name. */
    record Category(List<String> category, List<String> type) {
    }

    /** Holds the default {@code event.type} of every event: {@code [info]}. */
    static final List<String> DEFAULT_TYPE = List.of("info");

    private static final Map<String, Category> TABLE = table();

    private EventCategorization() {
    }

    /** Returns the table entry for {@code action}, or null when the table does not list it. */
    static Category of(String action) {
        return TABLE.get(action);
    }

    /** Returns how many event names the table lists. */
    static int size() {
        return TABLE.size();
    }

    private static Map<String, Category> table() {
        Map<String, Category> t = new HashMap<>();
        add(t, List.of("iam"), List.of("group", "change"),
                "AddUserToGroup", "AttachGroupPolicy", "DeleteGroupPolicy", "DetachGroupPolicy",
                "PutGroupPolicy", "RemoveUserFromGroup", "UpdateGroup");
        add(t, List.of("authentication"), List.of("info"),
                "AssumeRole", "ConsoleLogin", "GetCallerIdentity");
        add(t, List.of("iam"), List.of("user", "change"),
                "AttachUserPolicy", "ChangePassword", "CreateAccessKey", "CreateVirtualMFADevice",
                "DeactivateMFADevice", "DeleteAccessKey", "DeleteSSHPublicKey", "DeleteUserPermissionsBoundary", "DeleteUserPolicy",
                "DeleteVirtualMFADevice", "DetachUserPolicy", "EnableMFADevice", "PutUserPermissionsBoundary", "PutUserPolicy",
                "TagUser", "UntagUser", "UpdateAccessKey", "UpdateLoginProfile", "UpdateSSHPublicKey", "UpdateUser");
        add(t, List.of("file"), List.of("creation"),
                "CreateBucket", "CreateDocument");
        add(t, List.of("iam"), List.of("group", "creation"),
                "CreateGroup");
        add(t, List.of("iam"), List.of("admin", "creation"),
                "CreateKeyPair");
        add(t, List.of("iam"), List.of("user", "creation"),
                "CreateUser");
        add(t, List.of("file"), List.of("deletion"),
                "DeleteBucket", "DeleteObject");
        add(t, List.of("iam"), List.of("group", "deletion"),
                "DeleteGroup");
        add(t, List.of("iam"), List.of("user", "deletion"),
                "DeleteUser");
        add(t, List.of("iam"), List.of("group", "info"),
                "GetGroup", "GetGroupPolicy", "ListAttachedGroupPolicies", "ListGroupPolicies",
                "ListGroups");
        add(t, List.of("iam"), List.of("user", "info"),
                "GetUser", "GetUserPolicy", "ListAttachedUserPolicies", "ListGroupsForUser",
                "ListUserPolicies", "ListUsers", "ListUserTags");
        add(t, List.of("iam"), List.of("admin", "change"),
                "SetDefaultPolicyVersion", "SetSecurityTokenServicePreferences", "UpdateAccountPasswordPolicy", "UpdateRole");
        add(t, List.of("host"), List.of("info"),
                "DescribeInstances", "DescribeVolumes", "ListInstanceAssociations");
        add(t, List.of("network"), List.of("info"),
                "DescribeSecurityGroups", "DescribeNetworkInterfaces", "DescribeVpcs", "DescribeNetworkAcls",
                "DescribeLoadBalancers");
        add(t, List.of("file"), List.of("info"),
                "ListBuckets", "ListObjects", "HeadObject", "GetObject");
        add(t, List.of("api"), List.of("info"),
                "DescribeRegions", "Publish", "Converse");
        add(t, List.of("iam"), List.of("info"),
                "ListRoles", "GetPolicy", "ListAttachedRolePolicies");
        add(t, List.of("configuration"), List.of("info"),
                "DescribeTrails");
        add(t, List.of("package"), List.of("info"),
                "ListFunctions");
        add(t, List.of("database"), List.of("info"),
                "ListTables", "DescribeDBInstances");
        add(t, List.of("network"), List.of("access"),
                "AuthorizeSecurityGroupIngress");
        add(t, List.of("configuration"), List.of("creation"),
                "CreateTopic");
        add(t, List.of("configuration"), List.of("change"),
                "Subscribe");
        add(t, List.of("process"), List.of("start"),
                "SendCommand");
        add(t, List.of("iam"), List.of("creation"),
                "CreatePolicy");
        add(t, List.of("iam"), List.of("change"),
                "AttachRolePolicy");
        add(t, List.of("session"), List.of("start"),
                "StartSession", "CreateControlChannel", "OpenControlChannel", "CreateDataChannel",
                "OpenDataChannel");
        add(t, List.of("session"), List.of("end"),
                "TerminateSession");
        add(t, List.of("file"), List.of("change"),
                "PutObject");
        add(t, List.of("configuration"), List.of("deletion"),
                "DeleteTrail");
        return Collections.unmodifiableMap(t);
    }

    private static void add(Map<String, Category> t, List<String> category, List<String> type, String... names) {
        Category c = new Category(sorted(category), sorted(type));
        for (String name : names) {
            t.put(name, c);
        }
    }

    private static List<String> sorted(List<String> values) {
        List<String> s = new ArrayList<>(values);
        Collections.sort(s);
        return List.copyOf(s);
    }
}
