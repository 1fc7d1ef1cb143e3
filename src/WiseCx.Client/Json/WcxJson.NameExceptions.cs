using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WiseCx.Client.Json
{
    public static partial class WcxJson
    {
        /// <summary>
        /// The few API names that are not snake_case: the business hours of /queues are camelCase
        /// (<c>businessHours</c>, <c>isOpen</c>, <c>specialDate</c>), and the models carry no attributes to say so.
        /// </summary>
        private static readonly Dictionary<Type, Dictionary<string, string>> NameExceptions = new Dictionary<Type, Dictionary<string, string>>
        {
            [typeof(Queue)] = Names(nameof(Queue.BusinessHours), "businessHours"),
            [typeof(BusinessDay)] = Names(nameof(BusinessDay.IsOpen), "isOpen", nameof(BusinessDay.SpecialDate), "specialDate"),
        };

        /// <summary>
        /// Keyed by the name the naming policy gives the property (snake_case), which generated and reflection metadata
        /// both carry; generated metadata has no member to look at.
        /// </summary>
        private static Dictionary<string, string> Names(params string[] propertyAndApiName)
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < propertyAndApiName.Length; i += 2)
                names[JsonNamingPolicy.SnakeCaseLower.ConvertName(propertyAndApiName[i])] = propertyAndApiName[i + 1];
            return names;
        }

        private static void UseApiNameExceptions(JsonTypeInfo typeInfo)
        {
            if (typeInfo.Kind != JsonTypeInfoKind.Object || !NameExceptions.TryGetValue(typeInfo.Type, out var names))
                return;
            foreach (var property in typeInfo.Properties)
            {
                if (names.TryGetValue(property.Name, out var apiName))
                    property.Name = apiName;
            }
        }
    }
}
