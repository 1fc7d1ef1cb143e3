using System.Collections;
using System.Reflection;
using System.Text.Json;
using WiseCx.Client.Filtering;
using WiseCx.Client.Paging;

namespace WiseCx.Tests.Unit;

/// <summary>
/// The names users type: the module's property names (GroupId) stand for the API's fields (group_id) in -Filter, -Property
/// and -Sort, by the rule the models are read with, on every list endpoint; nothing is guessed.
/// </summary>
public class FieldNameTests
{
    /// <summary>Every list endpoint's row, found on the table itself so that a new row is covered without a list to keep.</summary>
    public static IEnumerable<object[]> EveryEndpoint() =>
        typeof(Endpoints).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(EndpointSpec))
            .Select(p => new object[] { p.Name });

    private static EndpointSpec Endpoint(string name) =>
        (EndpointSpec)typeof(Endpoints).GetProperty(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>group_id → GroupId, as a user reads it off the objects.</summary>
    private static string Pascal(string apiName) =>
        string.Concat(apiName.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));

    [Theory]
    [MemberData(nameof(EveryEndpoint))]
    public void Every_documented_field_is_found_by_its_property_name_for_property_and_sort(string endpointName)
    {
        var endpoint = Endpoint(endpointName);
        foreach (var field in endpoint.Fields)
        {
            var warnings = new List<string>();
            var query = new ListQuery { Fields = new[] { Pascal(field) }, SortField = Pascal(field) };
            var parameters = query.ToParameters(endpoint, warnings.Add).ToDictionary(p => p.Key, p => p.Value);
            // Endpoints that document no sort say so whatever the field; no field is called undocumented.
            Assert.DoesNotContain(warnings, w => w.Contains("not a documented field"));
            Assert.Equal(field, parameters["fields"]);
            Assert.Equal(field, parameters.ContainsKey("sort_by") ? parameters["sort_by"] : parameters["sort_field"]);
        }
    }

    [Theory]
    [MemberData(nameof(EveryEndpoint))]
    public void Every_filterable_field_compiles_the_same_from_its_property_name(string endpointName)
    {
        var endpoint = Endpoint(endpointName);
        foreach (var field in endpoint.FilterableFields)
        {
            var warnings = new List<string>();
            var op = endpoint.OperatorsFor(field)!.Contains(FilterOperator.Equal) ? FilterOperator.Equal : FilterOperator.In;
            var byProperty = FilterCompiler.Compile(new[] { new FilterCondition(Pascal(field), op, "1") }, endpoint, warnings.Add);
            var byApiName = FilterCompiler.Compile(new[] { new FilterCondition(field, op, "1") }, endpoint);
            Assert.Empty(warnings);
            Assert.Equal(byApiName, byProperty);
        }
    }

    [Fact]
    public void Property_names_map_by_the_models_naming_rule_in_any_case_and_with_the_prefix()
    {
        var conditions = FilterBuilder.FromDictionary(new System.Collections.Specialized.OrderedDictionary
        {
            ["GroupId"] = 5, ["sourceChannel"] = "email", ["case.CreatedAt"] = new Hashtable { ["ge"] = "2025-01-01" }, ["TYPE_ID"] = 3,
        });
        Assert.Equal(
            "[{'field':'case.group_id','operator':'EQUAL','value':'5'},{'field':'case.source_channel','operator':'EQUAL','value':'email'}," +
            "{'field':'case.created_at','operator':'GREATER EQUAL','value':'2025-01-01'},{'field':'case.type_id','operator':'EQUAL','value':'3'}]",
            FilterCompiler.Compile(conditions, Endpoints.Cases));
    }

    [Fact]
    public void Operators_are_checked_against_the_field_a_property_name_stands_for()
    {
        var error = Assert.Throws<WcxInputException>(() =>
            FilterCompiler.Compile(new[] { new FilterCondition("ContactId", FilterOperator.Greater, 5) }, Endpoints.Cases));
        Assert.Contains("'contact_id'", error.Message);
    }

    [Fact]
    public void A_documented_field_that_cannot_be_filtered_is_sent_in_the_apis_spelling_with_the_warning()
    {
        var warnings = new List<string>();
        var compiled = FilterCompiler.Compile(new[] { new FilterCondition("NpsValue", FilterOperator.Equal, 9) }, Endpoints.Cases, warnings.Add);
        Assert.Equal("[{'field':'case.nps_value','operator':'EQUAL','value':'9'}]", compiled);
        Assert.Single(warnings);
    }

    [Fact]
    public void A_name_exception_of_WcxJson_is_followed_not_snake_cased()
    {
        // Queue.BusinessHours is read from businessHours: business_hours would be refused by the API.
        Assert.Equal("businessHours", Endpoints.Queues.CanonicalField("BusinessHours"));
        var shown = FieldNames.PropertyNameOf("businessHours", Endpoints.Queues.Fields, "queues");
        Assert.Equal("BusinessHours", shown);
        Assert.Equal("businessHours", Endpoints.Queues.CanonicalField(shown));
    }

    [Fact]
    public void Nothing_is_guessed_a_name_that_could_mean_two_fields_is_refused_and_an_unknown_one_sent_as_written()
    {
        var endpoint = new EndpointSpec("things", "thing.", new[] { "groupId", "group_id" }, new Dictionary<string, FilterOperator[]>());
        var error = Assert.Throws<WcxInputException>(() => endpoint.CanonicalField("GroupId"));
        Assert.Contains("'groupId' or 'group_id'", error.Message);
        Assert.Equal("group_id", endpoint.CanonicalField("group_id"));
        // Names the rule does not lead to a documented field are not bent towards one: they go as written.
        Assert.Null(Endpoints.Cases.CanonicalField("NoSuchField"));
        var compiled = FilterCompiler.Compile(new[] { new FilterCondition("contacts.personal_id", FilterOperator.Equal, "7") }, Endpoints.Cases);
        Assert.Equal("[{'field':'contacts.personal_id','operator':'EQUAL','value':'7'}]", compiled);
    }

    [Fact]
    public void Completion_shows_the_property_names_of_the_filterable_fields()
    {
        var shown = Endpoints.Cases.FilterablePropertyNames.ToList();
        Assert.Contains("GroupId", shown);
        Assert.Contains("SourceChannel", shown);
        Assert.Contains("CreatedAt", shown);
        Assert.Equal(Endpoints.Cases.FilterableFields.Count(), shown.Count);
    }
}
