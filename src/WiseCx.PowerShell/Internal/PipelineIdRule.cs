using System.Globalization;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>What <see cref="PipelineIdRule.Resolve"/> made of one input: an id, nothing (not given), or a refusal.</summary>
    internal readonly struct PipelineIdOutcome
    {
        private PipelineIdOutcome(object? id, string? refusal)
        {
            Id = id;
            Refusal = refusal;
        }

        /// <summary>The id: a long, or a string for text ids (Nitro). Null when absent or refused.</summary>
        public object? Id { get; }

        /// <summary>Why the input is not an id for this parameter; null unless refused.</summary>
        public string? Refusal { get; }

        public bool IsRefused => Refusal != null;

        public static PipelineIdOutcome Of(object id) => new PipelineIdOutcome(id, null);
        public static readonly PipelineIdOutcome Absent = new PipelineIdOutcome(null, null);
        public static PipelineIdOutcome Refused(string why) => new PipelineIdOutcome(null, why);
    }

    /// <summary>
    /// Which id a piped object gives a command's id parameter, so that no object binds as another kind's id (a user
    /// piped into Remove-WcxCase must never delete case &lt;user id&gt;). An input is an id when it is
    /// <list type="bullet">
    /// <item>a plain id: a number, or a string (a numeric one for numeric ids);</item>
    /// <item>an object of the parameter's own type (also deserialized from a job or remoting, or read back from a CSV
    /// that kept the type name): its <see cref="IdProperty"/>;</item>
    /// <item>an object with a property that names the id explicitly (<c>CaseId</c>, <c>ContactId</c>, …), the first of
    /// <see cref="ExplicitNames"/> it has: a CSV row, or a case giving its ContactId to a contact command.</item>
    /// </list>
    /// Anything else is refused; an empty value is absent (not given). Pure: no session, no PowerShell runtime needed.
    /// </summary>
    internal sealed class PipelineIdRule
    {
        private const string DeserializedPrefix = "Deserialized.";
        private const string CsvPrefix = "CSV:";

        public PipelineIdRule(string? modelTypeName, IEnumerable<string> explicitNames, string idProperty = "Id", bool textIds = false, bool optional = false)
        {
            ModelTypeName = modelTypeName;
            ExplicitNames = explicitNames.ToArray();
            IdProperty = idProperty;
            TextIds = textIds;
            Optional = optional;
        }

        /// <summary>The full name of the parameter's own type, e.g. <c>WiseCx.Case</c>; null when no object type has it.</summary>
        public string? ModelTypeName { get; }

        /// <summary>Property names that name the id explicitly, in the order they are looked for.</summary>
        public IReadOnlyList<string> ExplicitNames { get; }

        /// <summary>The property that holds the id of an object of <see cref="ModelTypeName"/>.</summary>
        public string IdProperty { get; }

        /// <summary>Ids are text (Nitro campaigns, messages); otherwise whole numbers.</summary>
        public bool TextIds { get; }

        /// <summary>
        /// The parameter is optional: a row without the id (a CSV of phone numbers piped into Send-WcxNitroMessage) gives
        /// no id instead of a refusal. A module object of another type is still refused.
        /// </summary>
        public bool Optional { get; }

        /// <summary>"case", "contact group": the type's name as people say it.</summary>
        public string Noun => ModelTypeName is null ? "object" : Words(ModelTypeName.Substring(ModelTypeName.LastIndexOf('.') + 1));

        /// <summary>What the parameter takes, for messages: "a case (WiseCx.Case), a case id, or an object with a CaseId property".</summary>
        public string Takes
        {
            get
            {
                var kinds = new List<string>();
                if (ModelTypeName != null)
                    kinds.Add(Article(Noun) + " " + Noun + " (" + ModelTypeName + ")");
                kinds.Add((ModelTypeName is null ? "an" : Article(Noun) + " " + Noun) + " id");
                if (ExplicitNames.Count > 0)
                    kinds.Add("an object with " + Article(ExplicitNames[0].ToLowerInvariant()) + " " + string.Join(" or ", ExplicitNames) + " property");
                return kinds.Count == 1 ? kinds[0] : string.Join(", ", kinds.Take(kinds.Count - 1)) + " or " + kinds[kinds.Count - 1];
            }
        }

        /// <summary>The id one input gives, or why it gives none. Lists (e.g. <c>-Id 1, 2</c>) are resolved by the caller, item by item.</summary>
        /// <param name="input">The value as PowerShell passes it: raw, or wrapped in a PSObject.</param>
        public PipelineIdOutcome Resolve(object? input)
        {
            var value = input is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : input;
            switch (value)
            {
                case null:
                    return PipelineIdOutcome.Absent;
                case string text:
                    return Plain(text);
                case float _:
                case double _:
                case decimal _:
                case var whole when PowerShellValues.IsWholeNumber(whole):
                    return Plain(value);
                case IDictionary map:
                    return FromProperties(name => Entry(map, name), Describe(input));
            }
            var ps = PSObject.AsPSObject(input!);
            if (ModelTypeName != null && IsOfModelType(ps.TypeNames))
            {
                var own = Property(ps, IdProperty);
                var id = own.Found ? Convert(own.Value) : null;
                return id is null
                    ? PipelineIdOutcome.Refused(Describe(input) + " has no " + IdProperty + ".")
                    : PipelineIdOutcome.Of(id);
            }
            return FromProperties(name => Property(ps, name), Describe(input), isModuleObject: ps.TypeNames.Any(IsModuleTypeName));
        }

        private PipelineIdOutcome Plain(object value)
        {
            if (value is string text && string.IsNullOrWhiteSpace(text))
                return PipelineIdOutcome.Absent;
            var id = Convert(value);
            return id is null
                ? PipelineIdOutcome.Refused("'" + System.Convert.ToString(value, CultureInfo.InvariantCulture) + "' is not " + Article(Noun) + " " + Noun + " id.")
                : PipelineIdOutcome.Of(id);
        }

        private PipelineIdOutcome FromProperties(Func<string, (bool Found, object? Value)> property, string described, bool isModuleObject = false)
        {
            string? emptyName = null;
            foreach (var name in ExplicitNames)
            {
                var (found, raw) = property(name);
                if (!found)
                    continue;
                var id = raw is PSObject wrappedList && wrappedList.BaseObject is IEnumerable && !(wrappedList.BaseObject is string)
                    ? ConvertList((IEnumerable)wrappedList.BaseObject)
                    : raw is IEnumerable list && !(raw is string) ? ConvertList(list) : Convert(raw);
                if (id != null)
                    return PipelineIdOutcome.Of(id);
                if (IsEmpty(raw))
                {
                    emptyName ??= name;
                    continue;
                }
                return PipelineIdOutcome.Refused(described + " has " + name + " '" + Text(raw) + "', which is not " + Article(Noun) + " " + Noun + " id.");
            }
            if (Optional && !isModuleObject)
                return PipelineIdOutcome.Absent;
            if (emptyName != null)
                return PipelineIdOutcome.Refused(described + " has an empty " + emptyName + ".");
            return PipelineIdOutcome.Refused(described + " is not " + Article(Noun) + " " + Noun + ".");
        }

        /// <summary>Several ids in one property (a row with UserId = 10, 11): all must be ids.</summary>
        private object? ConvertList(IEnumerable list)
        {
            var ids = list.Cast<object?>().Select(Convert).ToList();
            if (ids.Count == 0 || ids.Any(id => id is null))
                return null;
            return TextIds ? (object)ids.Cast<string>().ToArray() : ids.Cast<long>().ToArray();
        }

        /// <summary>The id in a value: a positive whole number (or its text), or any non-empty text for text ids. Null otherwise.</summary>
        internal object? Convert(object? raw)
        {
            if (raw is PSObject ps)
                raw = ps.BaseObject;
            if (raw is null || IsEmpty(raw))
                return null;
            if (TextIds)
            {
                return raw is string || IsNumber(raw)
                    ? System.Convert.ToString(raw, CultureInfo.InvariantCulture)!.Trim()
                    : null;
            }
            if (raw is string text)
                return long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : (object?)null;
            if (!IsNumber(raw))
                return null;
            try
            {
                var number = System.Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
                return number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue ? (long)number : (object?)null;
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        /// <summary>
        /// The type names PowerShell gives an object, with the marks of a job or remoting ("Deserialized.") and of
        /// Import-Csv ("CSV:") taken off: all stand for the same kind of object.
        /// </summary>
        internal bool IsOfModelType(IEnumerable<string> typeNames) =>
            typeNames.Any(name => string.Equals(Bare(name), ModelTypeName, StringComparison.OrdinalIgnoreCase));

        private static bool IsModuleTypeName(string name) => Bare(name).StartsWith("WiseCx.", StringComparison.Ordinal);

        private static string Bare(string typeName)
        {
            var name = typeName;
            while (true)
            {
                if (name.StartsWith(CsvPrefix, StringComparison.OrdinalIgnoreCase))
                    name = name.Substring(CsvPrefix.Length);
                else if (name.StartsWith(DeserializedPrefix, StringComparison.OrdinalIgnoreCase))
                    name = name.Substring(DeserializedPrefix.Length);
                else
                    return name;
            }
        }

        /// <summary>"a WiseCx.User (Id 10)", "a row (PSCustomObject)": what was piped, for the refusal.</summary>
        internal static string Describe(object? input)
        {
            if (input is null)
                return "Nothing";
            var ps = PSObject.AsPSObject(input);
            var typeName = ps.TypeNames.Count > 0 ? Bare(ps.TypeNames[0]) : input.GetType().FullName;
            if (ps.BaseObject is PSCustomObject && typeName == typeof(PSCustomObject).FullName)
                typeName = "PSCustomObject";
            if (input is IDictionary)
                typeName = "hashtable";
            var id = input is IDictionary map ? Entry(map, "Id") : Property(ps, "Id");
            return "The " + typeName + (id.Found && id.Value != null ? " with Id " + id.Value : "");
        }

        private static (bool Found, object? Value) Property(PSObject ps, string name)
        {
            var property = ps.Properties[name];
            if (property is null)
                return (false, null);
            try
            {
                return (true, property.Value);
            }
            catch (GetValueException)
            {
                return (false, null);
            }
        }

        private static (bool Found, object? Value) Entry(IDictionary map, string name)
        {
            foreach (DictionaryEntry entry in map)
            {
                if (string.Equals(System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture), name, StringComparison.OrdinalIgnoreCase))
                    return (true, entry.Value);
            }
            return (false, null);
        }

        private static string Text(object? raw)
        {
            var value = raw is PSObject ps ? ps.BaseObject : raw;
            return value is IEnumerable list && !(value is string)
                ? string.Join(", ", list.Cast<object?>().Select(item => System.Convert.ToString(item, CultureInfo.InvariantCulture)))
                : System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        private static bool IsEmpty(object? raw) =>
            raw is null || (raw is PSObject ps ? ps.BaseObject : raw) is string text && string.IsNullOrWhiteSpace(text);

        private static bool IsNumber(object value) =>
            value is sbyte || value is byte || value is short || value is ushort || value is int || value is uint ||
            value is long || value is ulong || value is float || value is double || value is decimal;

        private static string Words(string pascal) =>
            string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

        private static string Article(string noun) => noun.Length > 0 && "aeio".IndexOf(noun[0]) >= 0 ? "an" : "a";
    }
}
