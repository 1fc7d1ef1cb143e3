using System;
using System.Collections.Generic;
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
            [typeof(Queue)] = new Dictionary<string, string> { [nameof(Queue.BusinessHours)] = "businessHours" },
            [typeof(BusinessDay)] = new Dictionary<string, string>
            {
                [nameof(BusinessDay.IsOpen)] = "isOpen",
                [nameof(BusinessDay.SpecialDate)] = "specialDate",
            },
        };

        private static void UseApiNameExceptions(JsonTypeInfo typeInfo)
        {
            if (typeInfo.Kind != JsonTypeInfoKind.Object || !NameExceptions.TryGetValue(typeInfo.Type, out var names))
                return;
            foreach (var property in typeInfo.Properties)
            {
                if (property.AttributeProvider is System.Reflection.MemberInfo member && names.TryGetValue(member.Name, out var apiName))
                    property.Name = apiName;
            }
        }
    }
}
