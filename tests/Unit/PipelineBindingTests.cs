using System.Collections;
using System.Management.Automation;
using WiseCx.Client.Services;
using WiseCx.PowerShell.Internal;

namespace WiseCx.Tests.Unit;

/// <summary>
/// The rule of what binds a command's id from the pipeline (PipelineIdRule), empty values read as "not given", the tag
/// merge of Set-WcxCase -AddTag/-RemoveTag and the -WhatIf text of a change.
/// </summary>
public class PipelineBindingTests
{
    private static readonly PipelineIdRule CaseIds = new("WiseCx.Case", new[] { "CaseId" });
    private static readonly PipelineIdRule ContactIds = new("WiseCx.Contact", new[] { "ContactId" });
    private static readonly PipelineIdRule OptionalContactIds = new("WiseCx.Contact", new[] { "ContactId" }, optional: true);
    private static readonly PipelineIdRule CampaignIds = new("WiseCx.NitroCampaign", new[] { "CampaignId" }, textIds: true);

    private static PSObject Row(params (string Name, object? Value)[] properties)
    {
        var row = new PSObject();
        foreach (var (name, value) in properties)
            row.Properties.Add(new PSNoteProperty(name, value));
        return row;
    }

    private static PSObject Typed(string typeName, params (string Name, object? Value)[] properties)
    {
        var row = Row(properties);
        row.TypeNames.Insert(0, typeName);
        return row;
    }

    [Theory]
    [InlineData(5)]
    [InlineData(5L)]
    [InlineData("5")]
    [InlineData(" 5 ")]
    [InlineData(5.0)]
    public void A_plain_id_is_the_id(object input) => Assert.Equal(5L, CaseIds.Resolve(input).Id);

    [Fact]
    public void An_object_of_the_command_type_gives_its_Id()
    {
        Assert.Equal(12L, CaseIds.Resolve(new Case { Id = 12, ContactId = 99 }).Id);
        Assert.Equal(12L, CaseIds.Resolve(PSObject.AsPSObject(new Case { Id = 12 })).Id);
    }

    [Theory]
    [InlineData("Deserialized.WiseCx.Case")]
    [InlineData("CSV:WiseCx.Case")]
    [InlineData("CSV:Deserialized.WiseCx.Case")]
    public void An_object_from_a_job_remoting_or_a_typed_CSV_counts_as_the_type(string typeName) =>
        Assert.Equal(12L, CaseIds.Resolve(Typed(typeName, ("Id", "12"))).Id);

    [Fact]
    public void An_object_of_another_type_is_refused_and_named_never_bound_by_its_Id()
    {
        var outcome = CaseIds.Resolve(new User { Id = 10 });
        Assert.True(outcome.IsRefused);
        Assert.Null(outcome.Id);
        Assert.Equal("The WiseCx.User with Id 10 is not a case.", outcome.Refusal);
        Assert.True(CaseIds.Resolve(Typed("Deserialized.WiseCx.User", ("Id", 10))).IsRefused);
    }

    [Fact]
    public void A_row_with_only_an_Id_is_refused_a_row_naming_the_id_binds()
    {
        Assert.True(CaseIds.Resolve(Row(("Id", "5"))).IsRefused);
        Assert.Equal(7L, CaseIds.Resolve(Row(("Id", "5"), ("CaseId", "7"))).Id);
        Assert.Equal(7L, CaseIds.Resolve(new Hashtable { ["caseid"] = 7 }).Id);
    }

    [Fact]
    public void An_object_naming_the_id_explicitly_gives_that_id_so_a_case_gives_its_contact()
    {
        Assert.Equal(99L, ContactIds.Resolve(new Case { Id = 12, ContactId = 99 }).Id);
        var noContact = ContactIds.Resolve(new Case { Id = 12 });
        Assert.True(noContact.IsRefused);
        Assert.Contains("empty ContactId", noContact.Refusal);
    }

    [Fact]
    public void A_property_with_several_ids_gives_them_all()
    {
        Assert.Equal(new long[] { 10, 11 }, new PipelineIdRule("WiseCx.User", new[] { "UserId" }).Resolve(Row(("UserId", new object[] { 10, "11" }))).Id);
        Assert.True(new PipelineIdRule("WiseCx.User", new[] { "UserId" }).Resolve(Row(("UserId", new object[] { 10, "x" }))).IsRefused);
        Assert.Equal("a user (WiseCx.User), a user id or an object with a UserId property", new PipelineIdRule("WiseCx.User", new[] { "UserId" }).Takes);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData(1.5)]
    public void Text_or_a_fraction_is_not_a_numeric_id(object input) => Assert.True(CaseIds.Resolve(input).IsRefused);

    [Fact]
    public void Empty_text_is_absent()
    {
        Assert.False(CaseIds.Resolve("").IsRefused);
        Assert.Null(CaseIds.Resolve("  ").Id);
    }

    [Fact]
    public void An_optional_id_is_absent_for_a_row_without_it_but_another_module_object_is_still_refused()
    {
        var row = OptionalContactIds.Resolve(Row(("Phone", "549351")));
        Assert.False(row.IsRefused);
        Assert.Null(row.Id);
        Assert.True(OptionalContactIds.Resolve(new User { Id = 10 }).IsRefused);
        Assert.Equal(99L, OptionalContactIds.Resolve(new Case { Id = 1, ContactId = 99 }).Id);
    }

    [Fact]
    public void Text_ids_keep_their_text()
    {
        Assert.Equal("414", CampaignIds.Resolve(414).Id);
        Assert.Equal("abc", CampaignIds.Resolve("abc").Id);
        Assert.Equal("414", CampaignIds.Resolve(new NitroCampaign { Id = "414" }).Id);
        Assert.Equal("414", CampaignIds.Resolve(new NitroCampaignMessage { Id = "9", CampaignId = "414" }).Id);
    }

    [Fact]
    public void The_rule_says_what_the_parameter_takes()
    {
        Assert.Equal("a case (WiseCx.Case), a case id or an object with a CaseId property", CaseIds.Takes);
        Assert.Equal("contact group", new PipelineIdRule("WiseCx.ContactGroup", new[] { "ContactGroupId" }).Noun);
    }

    [Fact]
    public void A_refusal_is_bound_as_a_token_that_the_guard_finds_and_plain_ids_are_not_tokens()
    {
        var attribute = new PipelineIdAttribute(typeof(Case), "CaseId");
        var token = attribute.Transform(null!, new User { Id = 10 });
        var refusal = RefusedInputs.Find(token, attribute.Rule);
        Assert.NotNull(refusal);
        Assert.Contains("is not a case", refusal!.Reason);
        Assert.Null(RefusedInputs.Find(10L, attribute.Rule));
        Assert.Equal(new long[] { 1, 2 }, attribute.Transform(null!, new object[] { 1, "2" }));
        Assert.NotNull(RefusedInputs.Find(attribute.Transform(null!, new object[] { 1, new User { Id = 3 } }), attribute.Rule));

        var record = PipelineIdGuard.ToErrorRecord(refusal, "Remove-WcxCase", "Id");
        Assert.Equal(ErrorTranslator.WrongInputType, record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.StartsWith("Remove-WcxCase -Id takes a case (WiseCx.Case)", record.Exception.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_binds_as_not_given(string empty)
    {
        var attribute = new EmptyAsAbsentAttribute();
        Assert.Null(attribute.Transform(null!, empty));
        Assert.Null(attribute.Transform(null!, PSObject.AsPSObject(empty)));
        Assert.Equal("x", attribute.Transform(null!, "x"));
    }

    [Fact]
    public void Tags_merge_keeps_order_adds_once_and_removes_without_regard_to_case()
    {
        Assert.Equal(new[] { "refund", "tag-1", "new" },
            CaseService.MergeTags(new[] { "vip", "refund", "tag-1" }, new[] { "new", "REFUND" }, new[] { "VIP" }));
        Assert.Equal(new[] { "a" }, CaseService.MergeTags(null, new[] { "a", "b" }, new[] { "b" }));
        Assert.Empty(CaseService.MergeTags(new[] { "a" }, null, new[] { "a" }));
    }

    [Fact]
    public void The_WhatIf_text_names_only_what_is_given()
    {
        Assert.Equal("Set case status=hold, priority=high", ChangeText.Describe("Set case", ("status", "hold"), ("priority", "high"), ("user", null)));
        Assert.Equal("Set case add tags=[vip, 'two words']", ChangeText.Describe("Set case", ("add tags", new[] { "vip", "two words" })));
        Assert.Equal("Set case due=2026-01-02T03:04:05Z", ChangeText.Describe("Set case", ("due", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc))));
    }
}
