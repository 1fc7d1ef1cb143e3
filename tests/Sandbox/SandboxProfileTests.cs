using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using WiseCx.Sandbox;

namespace WiseCx.Tests.Sandbox;

/// <summary>A sandbox started with <c>--profile live</c>, to show that a reset returns to the start-up profile.</summary>
public sealed class LiveProfileSandbox : ResilienceSandbox
{
    protected override SandboxOptions CreateOptions() => new() { Profile = SandboxProfiles.Live };
}

/// <summary>
/// The sandbox's two profiles over real HTTP: each setting of the live/collection bundle, in both profiles, with plain
/// HttpClient requests so the tests see the exact status codes and bodies.
/// </summary>
public class SandboxProfileTests : IClassFixture<ResilienceSandbox>, IAsyncLifetime
{
    private readonly ResilienceSandbox _sandbox;

    public SandboxProfileTests(ResilienceSandbox sandbox) => _sandbox = sandbox;

    public Task InitializeAsync() => Task.CompletedTask;

    // Every test leaves the start-up profile and seed data behind, whatever it changed.
    public Task DisposeAsync() => _sandbox.ResetAsync();

    private Task UseAsync(string profile) => _sandbox.ConfigureAsync(new JsonObject { ["profile"] = profile });

    private async Task<(HttpStatusCode Status, string Body)> CallAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var response = await _sandbox.SendAsync(method, "core/v1/" + path, body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonNode> OkAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        var (status, text) = await CallAsync(method, path, body);
        Assert.True(status == HttpStatusCode.OK, $"{method} {path} answered {(int)status}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static string Filtered(string path, string filtering) =>
        path + (path.Contains('?') ? "&" : "?") + "filtering=" + Uri.EscapeDataString(filtering);

    // A case list in either shape: a bare array (collection) or {"data": [...]} (live).
    private static JsonArray Items(JsonNode list) => list as JsonArray ?? list["data"]!.AsArray();

    private async Task<long[]> CaseIdsAsync(int count) =>
        Items(await OkAsync(HttpMethod.Get, $"cases?limit={count}&fields=id")).Select(c => c!["id"]!.GetValue<long>()).ToArray();

    private static void AssertBody(string expectedJson, string body) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), JsonNode.Parse(body)), $"expected {expectedJson}, got {body}");

    private static JsonObject NewCase(string subject, string email, string channel = "web") => new()
    {
        ["group_id"] = 1234,
        ["source_channel"] = channel,
        ["subject"] = subject,
        ["activities"] = new JsonArray(new JsonObject
        {
            ["type"] = "contact_message",
            ["content"] = "Hello",
            ["contact_from"] = new JsonObject { ["email"] = email },
        }),
    };

    private static string UniqueEmail() => $"profile-{Guid.NewGuid():N}@example.com";

    // ---- the profile setting itself ----

    [Theory]
    [InlineData("live", true, 401, false)]
    [InlineData("collection", false, 403, true)]
    public async Task Writing_profile_applies_its_whole_bundle_and_reads_back(string profile, bool live, int tokenStatus, bool strict)
    {
        // From the other profile, so every value has to move.
        await UseAsync(live ? "collection" : "live");
        var config = await _sandbox.ConfigureAsync(new JsonObject { ["profile"] = profile.ToUpperInvariant() });

        Assert.Equal(profile, config["profile"]!.GetValue<string>());
        Assert.Equal(live, config["emptyListNotFound"]!.GetValue<bool>());
        Assert.Equal(live, config["casesListWrapped"]!.GetValue<bool>());
        Assert.Equal(live, config["openCaseConflict"]!.GetValue<bool>());
        Assert.Equal(tokenStatus, config["expiredTokenStatus"]!.GetValue<int>());
        Assert.Equal(strict, config["strictVocabularies"]!.GetValue<bool>());
        Assert.Equal(live, config["looseFilterFields"]!.GetValue<bool>());
        Assert.False(config["singleObjectsBare"]!.GetValue<bool>());
        Assert.Equal(profile, (await _sandbox.AdminAsync(HttpMethod.Get, "config"))["profile"]!.GetValue<string>());
    }

    [Fact]
    public async Task Other_settings_of_the_same_body_override_the_bundle_wherever_they_stand()
    {
        var config = await _sandbox.ConfigureAsync(new JsonObject
        {
            ["emptyListNotFound"] = false,
            ["profile"] = "live",
            ["expiredTokenStatus"] = 403,
        });

        Assert.Equal("live", config["profile"]!.GetValue<string>());
        Assert.False(config["emptyListNotFound"]!.GetValue<bool>());
        Assert.Equal(403, config["expiredTokenStatus"]!.GetValue<int>());
        Assert.True(config["casesListWrapped"]!.GetValue<bool>());
    }

    [Fact]
    public async Task One_setting_changes_alone_and_leaves_the_profile_named()
    {
        var config = await _sandbox.ConfigureAsync(new JsonObject { ["casesListWrapped"] = true });

        Assert.Equal(SandboxProfiles.Default, config["profile"]!.GetValue<string>());
        Assert.True(config["casesListWrapped"]!.GetValue<bool>());
        Assert.IsType<JsonObject>(await OkAsync(HttpMethod.Get, "cases?limit=1"));
    }

    [Fact]
    public async Task Reset_returns_to_the_start_up_profile_and_its_bundle()
    {
        await _sandbox.ConfigureAsync(new JsonObject { ["profile"] = "live", ["singleObjectsBare"] = true });
        await _sandbox.ResetAsync();

        var config = await _sandbox.AdminAsync(HttpMethod.Get, "config");
        var expected = SandboxProfiles.Apply(new SandboxConfig(), SandboxProfiles.Default);
        Assert.Equal(SandboxProfiles.Default, config["profile"]!.GetValue<string>());
        Assert.Equal(expected.CasesListWrapped, config["casesListWrapped"]!.GetValue<bool>());
        Assert.Equal(expected.StrictVocabularies, config["strictVocabularies"]!.GetValue<bool>());
        Assert.Equal(expected.ExpiredTokenStatus, config["expiredTokenStatus"]!.GetValue<int>());
        Assert.False(config["singleObjectsBare"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("profile", "\"staging\"", "profile must be one of: live, collection.")]
    [InlineData("profile", "1", "profile must be one of: live, collection.")]
    [InlineData("expiredTokenStatus", "500", "expiredTokenStatus must be 401 or 403.")]
    [InlineData("casesListWrapped", "\"yes\"", "casesListWrapped must be true or false.")]
    public async Task Bad_values_are_refused_and_change_nothing(string setting, string json, string message)
    {
        var before = (await _sandbox.AdminAsync(HttpMethod.Get, "config")).ToJsonString();
        var patch = new JsonObject { ["profile"] = "live", [setting] = JsonNode.Parse(json) };
        if (setting == "profile") patch = new JsonObject { [setting] = JsonNode.Parse(json) };

        using var response = await _sandbox.SendAsync(HttpMethod.Put, "_sandbox/config", patch, auth: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
        Assert.Equal(before, (await _sandbox.AdminAsync(HttpMethod.Get, "config")).ToJsonString());
    }

    // ---- emptyListNotFound ----

    private static void AssertNoCases(string profile, HttpStatusCode status, string body)
    {
        Assert.Equal(profile == "live" ? HttpStatusCode.BadRequest : HttpStatusCode.OK, status);
        AssertBody(profile == "live" ? """{"error":"Cases not found.","code":400}""" : "[]", body);
    }

    [Theory]
    [InlineData("live")]
    [InlineData("collection")]
    public async Task A_filter_matching_no_case_is_a_400_not_found_in_live_and_an_empty_list_in_the_collection(string profile)
    {
        await UseAsync(profile);
        var (status, body) = await CallAsync(HttpMethod.Get,
            Filtered("cases", "[{'field':'case.subject','operator':'EQUAL','value':'no such subject anywhere'}]"));

        AssertNoCases(profile, status, body);
    }

    [Theory]
    [InlineData("live")]
    [InlineData("collection")]
    public async Task The_page_after_an_exactly_full_last_page_of_cases_is_a_400_in_live(string profile)
    {
        await UseAsync(profile);
        var ids = await CaseIdsAsync(2);
        var path = Filtered("cases?limit=2&fields=id", $"[{{'field':'case.id','operator':'IN','value':[{ids[0]},{ids[1]}]}}]");

        Assert.Equal(2, Items(await OkAsync(HttpMethod.Get, path + "&page=1")).Count);
        var (status, body) = await CallAsync(HttpMethod.Get, path + "&page=2");

        AssertNoCases(profile, status, body);
    }

    [Theory]
    [InlineData("live", "cases/types?page=500", """{"error":"Types not found.","code":400}""")]
    [InlineData("collection", "cases/types?page=500", """{"data":[]}""")]
    [InlineData("live", "users?page=500", """{"error":"Users not found.","code":400}""")]
    [InlineData("collection", "users?page=500", """{"data":[]}""")]
    public async Task An_empty_page_of_types_or_users_follows_the_profile(string profile, string path, string expected)
    {
        await UseAsync(profile);
        var (status, body) = await CallAsync(HttpMethod.Get, path);

        Assert.Equal(profile == "live" ? HttpStatusCode.BadRequest : HttpStatusCode.OK, status);
        AssertBody(expected, body);
    }

    [Theory]
    [InlineData("live", """{"error":"Survey Responses Not Found","code":400}""")]
    [InlineData("collection", """{"status":"error","message":"Survey Responses Not Found"}""")]
    public async Task Survey_responses_that_do_not_exist_are_a_400_in_both_profiles_in_the_profile_s_body(string profile, string expected)
    {
        await UseAsync(profile);
        var (status, body) = await CallAsync(HttpMethod.Get, "surveys/198/responses");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertBody(expected, body);
    }

    // ---- casesListWrapped ----

    [Theory]
    [InlineData("live")]
    [InlineData("collection")]
    public async Task Cases_are_wrapped_with_a_next_link_in_live_and_a_bare_array_in_the_collection(string profile)
    {
        await UseAsync(profile);
        var ids = await CaseIdsAsync(3);
        var path = Filtered("cases?limit=2&fields=id", $"[{{'field':'case.id','operator':'IN','value':[{ids[0]},{ids[1]},{ids[2]}]}}]");

        var first = await OkAsync(HttpMethod.Get, path + "&page=1");
        var last = await OkAsync(HttpMethod.Get, path + "&page=2");

        if (profile == "collection")
        {
            Assert.Equal(2, Assert.IsType<JsonArray>(first).Count);
            Assert.Single(Assert.IsType<JsonArray>(last));
            return;
        }
        Assert.Equal(2, first["data"]!.AsArray().Count);
        var next = first["paging"]!["next"]!.GetValue<string>();
        Assert.StartsWith(_sandbox.Root + "core/v1/cases?", next);
        Assert.Contains("page=2", next);
        Assert.Contains("limit=2", next);
        Assert.Equal((1, 2), (first["paging"]!["page"]!.GetValue<int>(), first["paging"]!["limit"]!.GetValue<int>()));

        Assert.Single(last["data"]!.AsArray());
        Assert.Equal("", last["paging"]!["next"]!.GetValue<string>());
        Assert.Equal(2, last["paging"]!["page"]!.GetValue<int>());
    }

    // ---- openCaseConflict ----

    [Theory]
    [InlineData("live")]
    [InlineData("collection")]
    public async Task A_second_case_for_a_contact_with_an_open_case_is_refused_in_live_only(string profile)
    {
        await UseAsync(profile);
        var email = UniqueEmail();
        var first = (await OkAsync(HttpMethod.Post, "cases", NewCase("Open case " + email, email)))["case_id"]!.GetValue<long>();

        var subject = "Second case " + email;
        var (status, body) = await CallAsync(HttpMethod.Post, "cases", NewCase(subject, email.ToUpperInvariant()));

        if (profile == "live")
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            AssertBody($$"""{"error":"OPEN_CASES_EXIST","opened_cases":[{{first}}]}""", body);
            Assert.Equal(0, await _sandbox.CaseCountAsync(subject));
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(1, await _sandbox.CaseCountAsync(subject));
        }
    }

    [Fact]
    public async Task The_contact_is_found_by_id_or_as_the_recipient_of_a_reply_too()
    {
        await UseAsync("live");
        var email = UniqueEmail();
        var first = (await OkAsync(HttpMethod.Post, "cases", NewCase("By id " + email, email)))["case_id"]!.GetValue<long>();
        var contactId = (await OkAsync(HttpMethod.Get, $"cases/{first}"))["contact_id"]!.GetValue<long>();

        var byId = NewCase("By id again " + email, "unused@example.com");
        byId["activities"]![0]!["contact_from"] = new JsonObject { ["id"] = contactId };
        var reply = NewCase("By reply " + email, "unused@example.com");
        reply["activities"] = new JsonArray(new JsonObject
        {
            ["type"] = "user_reply",
            ["user_id"] = 6405,
            ["content"] = "Hi",
            ["contacts_to"] = new JsonArray(new JsonObject { ["email"] = email }),
        });

        foreach (var body in new[] { byId, reply })
        {
            var (status, text) = await CallAsync(HttpMethod.Post, "cases", body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            AssertBody($$"""{"error":"OPEN_CASES_EXIST","opened_cases":[{{first}}]}""", text);
        }
    }

    [Theory]
    [InlineData("onhold", false)]
    [InlineData("pending", false)]
    [InlineData("closed", true)]
    [InlineData("solved", true)]
    public async Task Only_an_open_status_blocks_a_new_case(string status, bool allowed)
    {
        await UseAsync("live");
        var email = UniqueEmail();
        var first = (await OkAsync(HttpMethod.Post, "cases", NewCase("Status " + email, email)))["case_id"]!.GetValue<long>();
        await OkAsync(HttpMethod.Put, $"cases/{first}", new JsonObject { ["status"] = status });

        var (answer, _) = await CallAsync(HttpMethod.Post, "cases", NewCase("After " + status + " " + email, email));

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.BadRequest, answer);
    }

    [Fact]
    public async Task A_contact_never_seen_before_gets_its_case_and_is_created()
    {
        await UseAsync("live");
        var email = UniqueEmail();
        var created = await OkAsync(HttpMethod.Post, "cases", NewCase("New contact " + email, email));
        Assert.True(created["case_id"]!.GetValue<long>() > 0);
    }

    // ---- expiredTokenStatus ----

    [Theory]
    [InlineData("live")]
    [InlineData("collection")]
    public async Task An_unknown_or_expired_token_is_a_bodiless_401_in_live_and_a_403_in_the_collection(string profile)
    {
        await UseAsync(profile);
        await _sandbox.ConfigureAsync(new JsonObject { ["tokenLifetimeSeconds"] = 0 });
        var expired = await _sandbox.AuthenticateAsync();

        foreach (var (token, message) in new[] { ("not-a-token", "Unauthorized: invalid token."), (expired, "Unauthorized: token expired.") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "core/v1/cases?limit=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _sandbox.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (profile == "live")
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("", body);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                AssertBody($$"""{"status":"error","message":"{{message}}"}""", body);
            }
        }
    }

    [Theory]
    [InlineData("live")]
    [InlineData("collection")]
    public async Task A_wrong_key_and_a_missing_token_stay_403_in_both_profiles(string profile)
    {
        await UseAsync(profile);
        using var badKey = new HttpRequestMessage(HttpMethod.Get, "core/v1/authenticate?user=sandbox");
        badKey.Headers.Add("x-api-key", "wrong");
        using var refused = await _sandbox.Http.SendAsync(badKey);
        using var noToken = await _sandbox.Http.GetAsync("core/v1/cases?limit=1");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Invalid credentials", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
    }

    // ---- strictVocabularies ----

    [Theory]
    [InlineData("live")]
    [InlineData("collection")]
    public async Task Observed_channels_are_accepted_as_written_in_live_and_refused_in_the_collection(string profile)
    {
        await UseAsync(profile);
        var email = UniqueEmail();
        var body = NewCase("Template " + email, email, "outgoing_whatsapp");
        body["activities"]![0]!["channel"] = "outgoing_whatsapp";

        var (status, text) = await CallAsync(HttpMethod.Post, "cases", body);

        if (profile == "collection")
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("source_channel must be one of: web, app, phone, whatsapp, email, internal.", text);
            return;
        }
        Assert.Equal(HttpStatusCode.OK, status);
        var caseId = JsonNode.Parse(text)!["case_id"]!.GetValue<long>();
        Assert.Equal("outgoing_whatsapp", (await OkAsync(HttpMethod.Get, $"cases/{caseId}"))["source_channel"]!.GetValue<string>());
        var activities = Items(await OkAsync(HttpMethod.Get, $"cases/{caseId}/activities"));
        Assert.Equal("outgoing_whatsapp", activities.Last()!["channel"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("live", "Email", "Email")]
    [InlineData("collection", "Email", "email")]
    [InlineData("live", "incoming_call", "incoming_call")]
    [InlineData("live", "new_email", "new_email")]
    public async Task A_channel_is_stored_as_written_in_live_and_in_its_documented_spelling_in_the_collection(
        string profile, string sent, string stored)
    {
        await UseAsync(profile);
        var email = UniqueEmail();
        var caseId = (await OkAsync(HttpMethod.Post, "cases", NewCase("Channel " + email, email, sent)))["case_id"]!.GetValue<long>();
        Assert.Equal(stored, (await OkAsync(HttpMethod.Get, $"cases/{caseId}"))["source_channel"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("live")]
    [InlineData("collection")]
    public async Task Live_status_words_are_stored_as_written_in_live_and_refused_in_the_collection(string profile)
    {
        await UseAsync(profile);
        var id = (await CaseIdsAsync(1))[0];

        var (status, text) = await CallAsync(HttpMethod.Put, $"cases/{id}", new JsonObject { ["status"] = "onhold" });

        if (profile == "collection")
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("status must be one of: opened, solved, pending, hold, closed.", text);
            return;
        }
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("onhold", (await OkAsync(HttpMethod.Get, $"cases/{id}"))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("live")]
    [InlineData("collection")]
    public async Task A_word_nobody_has_seen_is_refused_in_both_profiles(string profile)
    {
        await UseAsync(profile);
        var id = (await CaseIdsAsync(1))[0];
        var (status, text) = await CallAsync(HttpMethod.Put, $"cases/{id}", new JsonObject { ["status"] = "snoozed" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("status must be one of:", text);
    }

    [Theory]
    [InlineData("live", 2)]
    [InlineData("collection", 1)]
    public async Task A_status_filter_reads_open_as_opened_in_live_only(string profile, int found)
    {
        var ids = await CaseIdsAsync(2);
        await OkAsync(HttpMethod.Put, $"cases/{ids[0]}", new JsonObject { ["status"] = "opened" });
        await OkAsync(HttpMethod.Put, $"cases/{ids[1]}", new JsonObject { ["status"] = "opened" });
        await UseAsync("live");
        await OkAsync(HttpMethod.Put, $"cases/{ids[1]}", new JsonObject { ["status"] = "open" });
        await UseAsync(profile);

        // 'opened' finds the case stored as open (live) and the one stored as opened (both profiles).
        var path = Filtered("cases?fields=id,status",
            $"[{{'field':'case.id','operator':'IN','value':[{ids[0]},{ids[1]}]}},{{'field':'case.status','operator':'EQUAL','value':'opened'}}]");
        Assert.Equal(found, Items(await OkAsync(HttpMethod.Get, path)).Count);
    }

    // ---- looseFilterFields ----

    [Theory]
    [InlineData("live")]
    [InlineData("collection")]
    public async Task Plural_prefixes_in_double_quoted_json_work_in_live_and_are_refused_in_the_collection(string profile)
    {
        await UseAsync(profile);
        var id = (await CaseIdsAsync(1))[0];

        var (status, text) = await CallAsync(HttpMethod.Get,
            Filtered("cases?fields=id", $$"""[{"field":"cases.id","operator":"EQUAL","value":{{id}}}]"""));

        if (profile == "collection")
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("does not belong to this resource: use the prefix 'case.'.", text);
            return;
        }
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, Assert.Single(Items(JsonNode.Parse(text)!))!["id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("contacts?fields=id", "contacts.id")]
    [InlineData("users?fields=id", "users.id")]
    [InlineData("cases/types?fields=id", "types.id")]
    [InlineData("users?fields=id", "user.id")]
    [InlineData("cases/types?fields=id", "type.id")]
    public async Task Contacts_users_and_types_take_the_live_filter_fields_in_live(string path, string field)
    {
        await UseAsync("live");
        var id = Items(await OkAsync(HttpMethod.Get, path + "&limit=1"))[0]!["id"]!.GetValue<long>();
        var filter = $$"""[{"field":"{{field}}","operator":"EQUAL","value":{{id}}}]""";

        Assert.Equal(id, Assert.Single(Items(await OkAsync(HttpMethod.Get, Filtered(path, filter))))!["id"]!.GetValue<long>());

        await UseAsync("collection");
        var (status, _) = await CallAsync(HttpMethod.Get, Filtered(path, filter));
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Contacts_are_found_by_personal_id_with_the_plural_prefix_in_live()
    {
        await UseAsync("live");
        var contact = Items(await OkAsync(HttpMethod.Get, "contacts?fields=id,personal_id&limit=100"))
            .First(c => c!["personal_id"]!.GetValue<string>().Length > 0)!;
        var personalId = contact["personal_id"]!.GetValue<string>();

        var found = Items(await OkAsync(HttpMethod.Get,
            Filtered("contacts?fields=id", $$"""[{"field":"contacts.personal_id","operator":"EQUAL","value":"{{personalId}}"}]""")));

        Assert.Contains(found, c => c!["id"]!.GetValue<long>() == contact["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Case_activities_take_a_case_prefixed_filter_in_live_only()
    {
        await UseAsync("collection");
        var id = (await CaseIdsAsync(1))[0];
        var filter = "[{'field':'case.type','operator':'EQUAL','value':'contact_message'}]";
        var (refused, message) = await CallAsync(HttpMethod.Get, Filtered($"cases/{id}/activities", filter));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("filtering is not supported on case activities.", message);

        await UseAsync("live");
        var all = Items(await OkAsync(HttpMethod.Get, $"cases/{id}/activities"));
        var found = Items(await OkAsync(HttpMethod.Get, Filtered($"cases/{id}/activities", filter)));
        Assert.Equal(all.Count(a => a!["type"]!.GetValue<string>() == "contact_message"), found.Count);
        Assert.All(found, a => Assert.Equal("contact_message", a!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_field_is_still_a_400_with_a_message_in_live()
    {
        await UseAsync("live");
        var (status, text) = await CallAsync(HttpMethod.Get, Filtered("cases", "[{'field':'cases.colour','operator':'EQUAL','value':'red'}]"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Unknown filter field 'cases.colour'", text);
    }

    // ---- singleObjectsBare ----

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Single_objects_are_bare_or_wrapped_as_the_switch_says(bool bare)
    {
        await _sandbox.ConfigureAsync(new JsonObject { ["profile"] = "live", ["singleObjectsBare"] = bare });
        var userId = Items(await OkAsync(HttpMethod.Get, "users?limit=1&fields=id"))[0]!["id"]!.GetValue<long>();
        var queueId = Items(await OkAsync(HttpMethod.Get, "queues?limit=1&fields=id"))[0]!["id"]!.GetValue<long>();

        foreach (var (path, id) in new[] { ($"users/{userId}", userId), ($"queues/{queueId}", queueId) })
        {
            var answer = await OkAsync(HttpMethod.Get, path);
            var item = bare ? answer : answer["data"]!;
            Assert.Equal(id, item["id"]!.GetValue<long>());
            Assert.Equal(bare, answer["data"] is null);
        }
    }
}

/// <summary>A sandbox started in the live profile comes back to it on reset.</summary>
public class SandboxLiveStartTests(LiveProfileSandbox sandbox) : IClassFixture<LiveProfileSandbox>
{
    [Fact]
    public async Task A_sandbox_started_live_answers_live_and_a_reset_keeps_it_live()
    {
        await sandbox.ConfigureAsync(new JsonObject { ["profile"] = "collection" });
        await sandbox.ResetAsync();

        Assert.Equal("live", (await sandbox.AdminAsync(HttpMethod.Get, "config"))["profile"]!.GetValue<string>());
        using var response = await sandbox.SendAsync(HttpMethod.Get, "core/v1/cases?limit=1");
        Assert.IsType<JsonObject>(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }
}

/// <summary>--profile on the command line and <see cref="SandboxOptions.Profile"/>.</summary>
public class SandboxProfileCommandLineTests
{
    [Theory]
    [InlineData("--profile", "live", "live")]
    [InlineData("--profile=Collection", null, "collection")]
    [InlineData("--profile", "LIVE", "live")]
    public void The_profile_option_sets_the_start_up_bundle(string option, string? value, string profile)
    {
        var options = new SandboxOptions();
        Assert.True(Program.ParseArguments(value is null ? [option] : [option, value], options, []));

        var config = SandboxConfig.FromOptions(options);
        Assert.Equal(profile, config.Profile);
        Assert.Equal(profile == "live", config.CasesListWrapped);
        Assert.Equal(profile == "live" ? 401 : 403, config.ExpiredTokenStatus);
    }

    [Fact]
    public void Without_the_option_the_sandbox_starts_in_the_default_profile()
    {
        var config = SandboxConfig.FromOptions(new SandboxOptions());
        var bundle = SandboxProfiles.Apply(new SandboxConfig(), SandboxProfiles.Default);
        Assert.Equal(SandboxProfiles.Default, config.Profile);
        Assert.Equal(
            (bundle.EmptyListNotFound, bundle.CasesListWrapped, bundle.OpenCaseConflict, bundle.ExpiredTokenStatus, bundle.StrictVocabularies,
                bundle.LooseFilterFields, bundle.SingleObjectsBare),
            (config.EmptyListNotFound, config.CasesListWrapped, config.OpenCaseConflict, config.ExpiredTokenStatus, config.StrictVocabularies,
                config.LooseFilterFields, config.SingleObjectsBare));
    }

    [Fact]
    public void An_unknown_profile_is_refused_on_the_command_line_and_in_the_options()
    {
        var error = Assert.Throws<ArgumentException>(() => Program.ParseArguments(["--profile", "staging"], new SandboxOptions(), []));
        Assert.Contains("live, collection", error.Message);
        Assert.Throws<ArgumentException>(() => SandboxApp.Create(new SandboxOptions { Profile = "staging" }));
    }

    [Fact]
    public void The_help_text_lists_the_profile_option_and_its_default()
    {
        Assert.Contains("--profile <name>", Program.Usage);
        Assert.Contains($"(default: {SandboxProfiles.Default})", Program.Usage);
    }
}
