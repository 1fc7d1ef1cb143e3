using CsCheck;
using WiseCx.Client.Filtering;
using SandboxParser = WiseCx.Sandbox.Filtering.FilterParser;
using SandboxOperators = WiseCx.Sandbox.Filtering.FilterOperators;

namespace WiseCx.Tests.Unit;

/// <summary>
/// For random filters, the compiled value parses back (as the API's single-quoted JSON, by the sandbox's parser)
/// to the same fields, operators and values, whatever the strings hold.
/// </summary>
public class FilterPropertyTests
{
    private static readonly string[] Fields = Endpoints.Cases.FilterableFields.ToArray();

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["'\"\\{}[]:,\n\t ðñ–€😀"], 0, 12],
        Gen.OneOf("O'Brien", "{'x':1}", "\\'", "'", "\\", "", "señora Núñez – 😀"));

    private static readonly Gen<FilterCondition> Condition =
        from field in Gen.OneOf(Fields)
        from op in Gen.OneOf(Endpoints.Cases.OperatorsFor(field)!.ToArray())
        from values in Text.Array[1, 4]
        select new FilterCondition(field, op, FilterOperators.TakesList(op) ? values.Cast<object?>() : new object?[] { values[0] });

    [Fact]
    public void Compiled_filters_parse_back_to_the_same_conditions()
    {
        Condition.List[1, 6].Sample(conditions =>
        {
            var parsed = SandboxParser.Parse(FilterCompiler.Compile(conditions, Endpoints.Cases));
            Assert.Equal(conditions.Count, parsed.Count);
            for (var i = 0; i < conditions.Count; i++)
            {
                Assert.Equal("case." + conditions[i].Field, parsed[i].Field);
                Assert.Equal(
                    SandboxOperators.Normalize(FilterOperators.ApiName(conditions[i].Operator, Endpoints.Cases.EqualSpelling)),
                    SandboxOperators.Normalize(parsed[i].Operator));
                Assert.Equal(conditions[i].Values.Cast<string>(), parsed[i].Values);
                Assert.Equal(FilterOperators.TakesList(conditions[i].Operator), parsed[i].IsList);
            }
        }, iter: 2000);
    }

    [Fact]
    public void Compiled_filters_survive_url_encoding()
    {
        Condition.List[1, 3].Where(c => c.All(x => x.Values.Cast<string>().All(v => !HasLoneSurrogate(v)))).Sample(conditions =>
        {
            var compiled = FilterCompiler.Compile(conditions, Endpoints.Cases);
            Assert.Equal(compiled, Uri.UnescapeDataString(Uri.EscapeDataString(compiled)));
        }, iter: 500);
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))) return true;
            if (char.IsLowSurrogate(s[i]) && (i == 0 || !char.IsHighSurrogate(s[i - 1]))) return true;
        }
        return false;
    }
}
