using System.Collections;
using System.Management.Automation;
using WiseCx.Client.Filtering;
using WiseCx.PowerShell.Internal;

namespace WiseCx.Tests.Unit;

/// <summary>-Filter scriptblocks are read from the syntax tree, never run, and compile like the hashtable form.</summary>
public class ScriptBlockFilterTests
{
    private static readonly Dictionary<string, object?> Variables = new(StringComparer.OrdinalIgnoreCase)
    {
        ["since"] = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        ["states"] = new object[] { "opened", "pending" },
        ["obj"] = PSObject.AsPSObject(new Hashtable { ["Group"] = 53 }),
        ["name"] = "O'Brien",
    };

    private static string Compile(string script)
    {
        var filter = new ScriptBlockFilter(name => Variables.TryGetValue(name, out var v) ? v : throw new WcxInputException("unset " + name));
        return FilterCompiler.Compile(filter.Compile(ScriptBlock.Create(script)), Endpoints.Cases);
    }

    private static string Refusal(string script) => Assert.Throws<WcxInputException>(() => Compile(script)).Message;

    [Fact]
    public void The_issue_example_compiles_to_three_conditions_in_order()
    {
        Assert.Equal(
            "[{'field':'case.status','operator':'IN','value':['opened','pending']}," +
            "{'field':'case.created_at','operator':'GREATER EQUAL','value':'2026-01-02 03:04:05'}," +
            "{'field':'case.subject','operator':'CONTAINS','value':'refund'}]",
            Compile("status -in 'opened','pending' -and created_at -ge $since -and subject -like '*refund*'"));
    }

    [Theory]
    [InlineData("id -eq 5", "EQUAL", "'5'")]
    [InlineData("id -ne 5", "NOT EQUAL", "'5'")]
    [InlineData("id -gt 5", "GREATER", "'5'")]
    [InlineData("id -lt 5", "LOWER", "'5'")]
    [InlineData("id -ge 5", "GREATER EQUAL", "'5'")]
    [InlineData("id -le 5", "LOWER EQUAL", "'5'")]
    [InlineData("id -in 5,6", "IN", "['5','6']")]
    [InlineData("id -notin 5", "NOT IN", "['5']")]
    [InlineData("id -ieq 5", "EQUAL", "'5'")]
    [InlineData("id -gt -5", "GREATER", "'-5'")]
    [InlineData("id -ge:5", "GREATER EQUAL", "'5'")]
    public void Every_supported_operator_compiles(string script, string api, string value)
    {
        Assert.Equal($"[{{'field':'case.id','operator':'{api}','value':{value}}}]", Compile(script));
    }

    [Theory]
    [InlineData("$_.subject -eq $name -and $_.group_id -eq $obj.Group")]
    [InlineData("($_.subject -eq $name) -and ('group_id' -eq $obj.Group)")]
    [InlineData("subject -eq $name -and group_id -eq $obj.Group")]
    [InlineData("$PSItem.subject -eq \"$name\" -and 'group_id' -eq 53")]
    public void The_expression_and_command_forms_read_the_same(string script)
    {
        Assert.Equal(
            "[{'field':'case.subject','operator':'EQUAL','value':'O\\'Brien'},{'field':'case.group_id','operator':'EQUAL','value':'53'}]",
            Compile(script));
    }

    [Fact]
    public void Variables_holding_lists_feed_in()
    {
        Assert.Equal("[{'field':'case.status','operator':'IN','value':['opened','pending']}]", Compile("status -in $states"));
    }

    [Fact]
    public void Like_without_wildcards_is_equality()
    {
        Assert.Equal("[{'field':'case.subject','operator':'EQUAL','value':'Hello'}]", Compile("subject -like 'Hello'"));
    }

    [Theory]
    [InlineData("status -eq 'a' -or status -eq 'b'", "-or is not supported")]
    [InlineData("$_.status -eq 'a' -or $_.status -eq 'b'", "-or is not supported")]
    [InlineData("subject -match 'x'", "Regular expressions are not supported")]
    [InlineData("subject -ceq 'x'", "Case-sensitive operators are not supported")]
    [InlineData("subject -like 'x*'", "only tests whether a field contains")]
    [InlineData("created_at -ge (Get-Date).AddDays(-7)", "Method calls are not run")]
    [InlineData("created_at -ge $since.AddDays(-7)", "Method calls are not run")]
    [InlineData("Get-Process", "is not followed by a comparison operator")]
    [InlineData("Remove-Item -Path x", "looks like a command")]
    [InlineData("-not ($_.status -eq 'a')", "-not is not supported")]
    [InlineData("status -eq $unset", "unset unset")]
    [InlineData("status -eq $env:PATH", "Only variables can be read")]
    [InlineData("status -eq 'a'; id -eq 1", "several statements")]
    [InlineData("status -eq 'a' | Out-Null", "a pipeline")]
    [InlineData("$x.Method() -eq 1", "The left side of a condition must be a field name")]
    [InlineData("status -eq 'a','b'", "takes one value")]
    [InlineData("", "empty")]
    public void Anything_else_is_refused_with_what_is_supported(string script, string expected)
    {
        Assert.Contains(expected, Refusal(script));
    }

    [Fact]
    public void Nothing_in_the_scriptblock_is_run()
    {
        // Were this executed, it would throw; being read only, it is refused as a method call without running.
        Assert.Contains("Method calls are not run", Refusal("$_.subject -eq [IO.File]::Delete('/nonexistent')"));
        Assert.Contains("Method calls are not run", Refusal("subject -eq $name.Remove(0)"));
    }

    [Fact]
    public void The_endpoint_table_applies_to_scriptblocks_too()
    {
        Assert.Contains("not allowed on 'status'", Refusal("status -gt 'a'"));
    }
}
