using System.Collections;
using System.Collections.Specialized;
using WiseCx.Client.Filtering;

namespace WiseCx.Tests.Unit;

public class FilterCompilerTests
{
    private static string Compile(IDictionary filter) => FilterCompiler.Compile(FilterBuilder.FromDictionary(filter), Endpoints.Cases);

    [Fact]
    public void Scalar_compiles_to_equal_with_the_resource_prefix_and_a_string_value()
    {
        Assert.Equal("[{'field':'case.contact_id','operator':'EQUAL','value':'123'}]", Compile(new Hashtable { ["contact_id"] = 123 }));
    }

    [Fact]
    public void Array_compiles_to_in()
    {
        Assert.Equal("[{'field':'case.status','operator':'IN','value':['opened','solved']}]",
            Compile(new Hashtable { ["status"] = new object[] { "opened", "solved" } }));
    }

    [Theory]
    [InlineData("eq", "EQUAL", "'5'")]
    [InlineData("ne", "NOT EQUAL", "'5'")]
    [InlineData("gt", "GREATER", "'5'")]
    [InlineData("lt", "LOWER", "'5'")]
    [InlineData("ge", "GREATER EQUAL", "'5'")]
    [InlineData("le", "LOWER EQUAL", "'5'")]
    [InlineData("in", "IN", "['5']")]
    [InlineData("notin", "NOT IN", "['5']")]
    public void Every_operator_key_compiles_to_its_api_name(string key, string apiName, string value)
    {
        Assert.Equal($"[{{'field':'case.id','operator':'{apiName}','value':{value}}}]",
            Compile(new Hashtable { ["id"] = new Hashtable { [key] = 5 } }));
    }

    [Fact]
    public void Contains_is_allowed_where_the_table_allows_it()
    {
        Assert.Equal("[{'field':'case.subject','operator':'CONTAINS','value':'refund'}]",
            Compile(new Hashtable { ["subject"] = new Hashtable { ["contains"] = "refund" } }));
    }

    [Fact]
    public void Operator_keys_are_case_insensitive_and_several_on_one_field_make_several_conditions()
    {
        var since = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var until = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(
            "[{'field':'case.created_at','operator':'GREATER EQUAL','value':'2026-01-02 03:04:05'}," +
            "{'field':'case.created_at','operator':'LOWER','value':'2026-02-01 00:00:00'}]",
            Compile(new Hashtable { ["created_at"] = new Hashtable { ["GE"] = since, ["lt"] = until } }));
    }

    [Fact]
    public void Dates_are_sent_in_utc_in_the_api_format()
    {
        var local = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Local);
        var expected = local.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss");
        Assert.Contains($"'value':'{expected}'", Compile(new Hashtable { ["created_at"] = new Hashtable { ["ge"] = local } }));
        var offset = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(-3));
        Assert.Contains("'value':'2026-06-01 15:00:00'", Compile(new Hashtable { ["created_at"] = new Hashtable { ["ge"] = offset } }));
    }

    [Fact]
    public void Quotes_backslashes_and_control_characters_are_escaped_and_unicode_kept()
    {
        Assert.Equal(@"[{'field':'case.subject','operator':'EQUAL','value':'O\'Brien \\ x\ny – ñ'}]",
            Compile(new Hashtable { ["subject"] = "O'Brien \\ x\ny – ñ" }));
    }

    [Fact]
    public void Plain_hashtables_compile_in_alphabetical_field_order_and_ordered_ones_keep_theirs()
    {
        var plain = Compile(new Hashtable { ["status"] = "opened", ["group_id"] = 1 });
        Assert.True(plain.IndexOf("group_id", StringComparison.Ordinal) < plain.IndexOf("status", StringComparison.Ordinal));
        var ordered = new OrderedDictionary { ["status"] = "opened", ["group_id"] = 1 };
        var text = Compile(ordered);
        Assert.True(text.IndexOf("status", StringComparison.Ordinal) < text.IndexOf("group_id", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_given_with_its_prefix_or_in_other_case_is_accepted()
    {
        Assert.Equal(Compile(new Hashtable { ["status"] = "opened" }), Compile(new Hashtable { ["case.STATUS"] = "opened" }));
    }

    [Fact]
    public void Numbers_booleans_and_enums_are_written_invariantly()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Contains("'value':'1.5'", Compile(new Hashtable { ["id"] = new Hashtable { ["gt"] = 1.5 } }));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
        Assert.Contains("'value':'Monday'", Compile(new Hashtable { ["subject"] = DayOfWeek.Monday }));
        Assert.Contains("'value':'true'", Compile(new Hashtable { ["subject"] = true }));
    }

    [Fact]
    public void An_unknown_operator_key_is_refused_naming_the_valid_ones()
    {
        var error = Assert.Throws<WcxInputException>(() => Compile(new Hashtable { ["id"] = new Hashtable { ["like"] = "x" } }));
        Assert.Contains("Unknown filter operator 'like'", error.Message);
        Assert.Contains("eq, ne, in, notin, gt, lt, ge, le, contains", error.Message);
    }

    [Fact]
    public void An_operator_the_field_does_not_allow_is_refused_naming_the_allowed_ones()
    {
        var error = Assert.Throws<WcxInputException>(() => Compile(new Hashtable { ["status"] = new Hashtable { ["gt"] = "opened" } }));
        Assert.Equal("The operator 'gt' is not allowed on 'status' for /cases. Allowed: in, notin, eq, ne.", error.Message);
        Assert.Throws<WcxInputException>(() => Compile(new Hashtable { ["number"] = new Hashtable { ["ne"] = 4 } }));
        Assert.Throws<WcxInputException>(() => Compile(new Hashtable { ["group_id"] = new Hashtable { ["contains"] = 4 } }));
    }

    private static (string Filtering, List<string> Warnings) CompileWarned(IDictionary filter, EndpointSpec? endpoint = null)
    {
        var warnings = new List<string>();
        var text = FilterCompiler.Compile(FilterBuilder.FromDictionary(filter), endpoint ?? Endpoints.Cases, warnings.Add);
        return (text, warnings);
    }

    [Fact]
    public void An_undocumented_field_is_sent_with_the_endpoint_prefix_and_a_warning_naming_the_documented_ones()
    {
        var (filtering, warnings) = CompileWarned(new Hashtable { ["colour"] = "red" });
        Assert.Equal("[{'field':'case.colour','operator':'EQUAL','value':'red'}]", filtering);
        var warning = Assert.Single(warnings);
        Assert.StartsWith("The filter field 'colour' is not documented for /cases; it is sent as 'case.colour' and the API decides. Documented: ", warning);
        Assert.Contains("subject", warning);
    }

    [Theory]
    [InlineData("contacts.personal_id")]
    [InlineData("cases.number")]
    [InlineData("contact.phone")]
    public void A_field_written_with_a_prefix_of_its_own_is_sent_exactly_as_written_with_a_warning(string field)
    {
        var (filtering, warnings) = CompileWarned(new Hashtable { [field] = 123 });
        Assert.Equal("[{'field':'" + field + "','operator':'EQUAL','value':'123'}]", filtering);
        Assert.Equal("The filter field '" + field + "' is not documented for /cases (its fields are documented with the prefix 'case.'); it is sent as written and the API decides.",
            Assert.Single(warnings));
    }

    [Fact]
    public void An_undocumented_field_takes_any_operator_and_is_warned_about_once()
    {
        var since = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var (filtering, warnings) = CompileWarned(new OrderedDictionary
        {
            ["contacts.created_at"] = new OrderedDictionary { ["ge"] = since, ["lt"] = since.AddDays(1) },
            ["status"] = "open",
        });
        Assert.Equal(
            "[{'field':'contacts.created_at','operator':'GREATER EQUAL','value':'2026-01-02 03:04:05'}," +
            "{'field':'contacts.created_at','operator':'LOWER','value':'2026-01-03 03:04:05'}," +
            "{'field':'case.status','operator':'EQUAL','value':'open'}]", filtering);
        Assert.Single(warnings);
    }

    [Fact]
    public void A_documented_field_is_not_warned_about_and_compiling_without_a_listener_warns_nobody()
    {
        var (_, warnings) = CompileWarned(new Hashtable { ["case.Status"] = "open", ["created_at"] = new Hashtable { ["ge"] = DateTime.UtcNow } });
        Assert.Empty(warnings);
        Assert.Equal("[{'field':'case.colour','operator':'EQUAL','value':'red'}]", Compile(new Hashtable { ["colour"] = "red" }));
    }

    [Fact]
    public void A_value_count_the_syntax_cannot_carry_is_refused_on_undocumented_fields_too()
    {
        Assert.Throws<WcxInputException>(() => Compile(new Hashtable { ["contacts.personal_id"] = Array.Empty<object>() }));
        Assert.Throws<WcxInputException>(() => Compile(new Hashtable { ["colour"] = new Hashtable { ["gt"] = new object[] { 1, 2 } } }));
        Assert.Throws<WcxInputException>(() => Compile(new Hashtable { ["colour"] = null }));
    }

    [Fact]
    public void Null_values_empty_lists_and_lists_for_scalar_operators_are_refused()
    {
        Assert.Throws<WcxInputException>(() => Compile(new Hashtable { ["subject"] = null }));
        Assert.Throws<WcxInputException>(() => Compile(new Hashtable { ["status"] = Array.Empty<object>() }));
        Assert.Throws<WcxInputException>(() => Compile(new Hashtable { ["id"] = new Hashtable { ["gt"] = new object[] { 1, 2 } } }));
        Assert.Throws<WcxInputException>(() => Compile(new Hashtable { ["id"] = new Hashtable() }));
    }

    [Fact]
    public void A_one_element_list_is_accepted_for_a_scalar_operator()
    {
        Assert.Equal("[{'field':'case.id','operator':'GREATER','value':'7'}]",
            Compile(new Hashtable { ["id"] = new Hashtable { ["gt"] = new object[] { 7 } } }));
    }

    [Fact]
    public void An_empty_filter_compiles_to_an_empty_list()
    {
        Assert.Equal("[]", Compile(new Hashtable()));
    }
}
