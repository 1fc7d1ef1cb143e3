using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using WiseCx.Client.Json;
using WiseCx.Tests.Unit.Support;

namespace WiseCx.Tests.Unit;

/// <summary>
/// The compile-time metadata (WcxJsonContext) reads JSON exactly as reflection metadata does under the same rules:
/// every example body of the collection, and bodies that exercise the converters and modifiers, read into every type
/// the context serves, give the same objects (or fail alike).
/// </summary>
public class JsonMetadataTests
{
    private static readonly JsonSerializerOptions Reflection = WcxJson.CreateOptions(new DefaultJsonTypeInfoResolver());

    /// <summary>Bodies beyond the collection's: unknown fields, every date form, numbers as strings, the camelCase names.</summary>
    private static readonly string[] Crafted =
    {
        "{\"id\":1,\"subject\":\"x\",\"sla_policy\":{\"name\":\"gold\",\"hours\":4},\"labels\":[\"a\",2],\"score\":1.5,\"flag\":true,\"due_at\":\"2020-01-28 18:48:38\"}",
        "{\"id\":\"414\",\"contact_id\":\"19372467\",\"tracking_id\":1,\"created_at\":\"2021-11-04T09:30:00-03:00\",\"updated_at\":\"\",\"last_update\":\"1900-01-01T00:00:00\"}",
        "{\"data\":[{\"id\":53,\"name\":\"Soporte\",\"businessHours\":{\"timezone\":{\"name\":\"Argentina Standard Time\",\"offset\":\"-03:00\"},\"schedules\":[{\"day\":1,\"name\":\"monday\",\"isOpen\":true,\"specialDate\":false,\"date\":null,\"hours\":[{\"from\":\"08:00\",\"to\":\"17:00\"}]}]},\"users\":[{\"id\":10,\"name\":\"Juan\",\"auto_assign\":true}]}],\"paging\":{\"next\":null,\"page\":1,\"limit\":100}}",
        "{\"data\":{\"id\":7,\"user_name\":\"ana\",\"is_bot\":false,\"created_at\":\"2018-06-04 13:02:00\",\"queues\":[{\"id\":53,\"name\":\"Soporte\",\"auto_assign\":true}],\"extra\":[1,{\"a\":null}]}}",
        "{\"data\":[],\"pagination\":{\"page\":\"2\",\"page_size\":10,\"total_items\":\"31\",\"total_pages\":4}}",
        "[{\"id\":1,\"custom_fields\":[{\"field\":\"DNI\",\"value\":\"27612504\"}],\"tags\":[\"vip\"],\"password\":\"\"}]",
    };

    public static TheoryData<Type> GeneratedTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in ServedTypes())
            data.Add(type);
        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedTypes))]
    public void Generated_metadata_reads_every_body_as_reflection_does(Type type)
    {
        Assert.NotNull(WcxJsonContext.Default.GetTypeInfo(type));
        var bodies = CollectionExamples.AllResponseBodies().Concat(Crafted).Distinct().ToList();
        Assert.True(bodies.Count > 50, "The collection's examples were not found.");
        var compared = 0;
        foreach (var body in bodies)
        {
            // A webhook event's received_at defaults to the time it is read: two reads may fall in different seconds.
            var expected = WithoutReadTime(Read(body, type, Reflection));
            var actual = WithoutReadTime(Read(body, type, WcxJson.Options));
            Assert.True(expected == actual, $"{type.Name} read differently from {Shorten(body)}:\n reflection: {expected}\n generated:  {actual}");
            if (!expected.StartsWith("error", StringComparison.Ordinal))
                compared++;
        }
        Assert.True(compared > 0, $"No body read as {type.Name}: the comparison proved nothing.");
    }

    private static string WithoutReadTime(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"received_at\":\"[^\"]*\"", "\"received_at\":\"(read time)\"");

    [Fact]
    public void Generated_metadata_keeps_unknown_fields_and_the_camel_case_names()
    {
        var queue = JsonSerializer.Deserialize<WcxJsonReader.ListEnvelope<Queue>>(Crafted[2], WcxJson.Options)!.Data!.Single();
        Assert.Equal("Argentina Standard Time", queue.BusinessHours!.Timezone!.Name);
        Assert.True(queue.BusinessHours.Schedules!.Single().IsOpen);
        var user = JsonSerializer.Deserialize<WcxJsonReader.DataEnvelope<User>>(Crafted[3], WcxJson.Options)!.Data!;
        Assert.Equal(new DateTime(2018, 6, 4, 13, 2, 0, DateTimeKind.Utc), user.CreatedAt?.ToUniversalTime());
        Assert.Equal(new object?[] { 1L, new Dictionary<string, object?> { ["a"] = null } }, (IEnumerable<object?>)user.AdditionalProperties["extra"]!);
    }

    /// <summary>What the options make of the body as <paramref name="type"/>: the result written back as JSON, or the failure.</summary>
    private static string Read(string body, Type type, JsonSerializerOptions options)
    {
        object? value;
        try
        {
            value = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(body), type, options);
        }
        catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is NotSupportedException)
        {
            return "error " + ex.GetType().Name;
        }
        return JsonSerializer.Serialize(value, type, Reflection);
    }

    /// <summary>The roots the context names, and the lists and items they carry.</summary>
    private static IEnumerable<Type> ServedTypes()
    {
        var roots = typeof(WcxJsonContext).GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!);
        var served = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            served[Name(root)] = root;
            if (root.IsGenericType)
            {
                var item = root.GetGenericArguments()[0];
                served[Name(item)] = item;
                if (root.GetGenericTypeDefinition() == typeof(WcxJsonReader.ListEnvelope<>))
                    served[Name(typeof(List<>).MakeGenericType(item))] = typeof(List<>).MakeGenericType(item);
            }
        }
        return served.Values;
    }

    private static string Name(Type type) =>
        type.IsGenericType ? type.Name + "[" + string.Join(",", type.GetGenericArguments().Select(Name)) + "]" : type.FullName!;

    private static string Shorten(string body) => body.Length <= 120 ? body : body.Substring(0, 120) + "…";
}
