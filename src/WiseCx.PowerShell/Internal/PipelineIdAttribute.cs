using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Threading;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Binds a command's id parameter by <see cref="PipelineIdRule"/>: the parameter takes the whole piped object
    /// (ValueFromPipeline), and this transformation turns it into the id, so no other object's Id can bind by property
    /// name. PowerShell runs the by-value pass first, and since this always returns a value of the parameter's type,
    /// that pass decides.
    /// <para>
    /// A refused input must end in an error of the module's own (WcxWrongInputType) and the pipeline must go on. An
    /// exception thrown here would become PowerShell's ParameterArgumentTransformationError instead, so a refusal is
    /// bound as a token (<see cref="RefusedInputs"/>) that <see cref="PipelineIdGuard"/> reports before the command
    /// runs for the record.
    /// </para>
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class PipelineIdAttribute : ArgumentTransformationAttribute
    {
        private PipelineIdRule? _rule;

        /// <param name="modelType">The parameter's own type (Case for case commands); null when no object type has it.</param>
        /// <param name="explicitNames">Property names that name the id explicitly (CaseId, …).</param>
        public PipelineIdAttribute(Type? modelType, params string[] explicitNames)
        {
            ModelType = modelType;
            ExplicitNames = explicitNames;
        }

        public Type? ModelType { get; }

        public string[] ExplicitNames { get; }

        /// <summary>The property holding the id of a <see cref="ModelType"/> object. Default: Id.</summary>
        public string IdProperty { get; set; } = "Id";

        /// <summary>Ids are text (Nitro); otherwise whole numbers.</summary>
        public bool TextIds { get; set; }

        /// <summary>An object without the id gives no id instead of a refusal (the parameter is optional).</summary>
        public bool Optional { get; set; }

        internal PipelineIdRule Rule => _rule ??= new PipelineIdRule(ModelType?.FullName, ExplicitNames, IdProperty, TextIds, Optional);

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : inputData;
            if (value is IEnumerable list && !(value is string) && !(value is IDictionary))
            {
                // -Id 1, 2 on the command line, or an array piped as one object (Write-Output -NoEnumerate).
                var ids = new List<object>();
                foreach (var item in list)
                {
                    var outcome = Rule.Resolve(item);
                    if (outcome.IsRefused)
                        return Token(item, outcome.Refusal!);
                    if (outcome.Id is IEnumerable several && !(outcome.Id is string))
                        ids.AddRange(several.Cast<object>());
                    else if (outcome.Id != null)
                        ids.Add(outcome.Id);
                }
                return TextIds ? (object)ids.Cast<string>().ToArray() : ids.Cast<long>().ToArray();
            }
            var single = Rule.Resolve(inputData);
            if (single.IsRefused)
                return Token(inputData, single.Refusal!);
            return single.Id;
        }

        private object Token(object? input, string why) =>
            TextIds ? RefusedInputs.TextToken(input, why, Rule) : (object)RefusedInputs.NumberToken(input, why, Rule);
    }

    /// <summary>A refused input: what was piped, why it is refused, and what the parameter takes.</summary>
    internal sealed class RefusedInput
    {
        public RefusedInput(object? input, string reason, PipelineIdRule rule)
        {
            Input = input;
            Reason = reason;
            Rule = rule;
        }

        public object? Input { get; }
        public string Reason { get; }
        public PipelineIdRule Rule { get; }
    }

    /// <summary>
    /// Stand-ins bound in place of a refused input. Numeric tokens lie at the very top of the long range (no API id
    /// comes near it, and they pass the parameters' range checks); text tokens start with a NUL character.
    /// </summary>
    internal static class RefusedInputs
    {
        private const long TokenRange = 1L << 31;
        private const long FirstNumberToken = long.MaxValue - TokenRange;
        private const string TextPrefix = "\0wcx-refused:";
        private const int KeptRefusals = 10000;
        private static readonly ConcurrentDictionary<long, RefusedInput> Refusals = new ConcurrentDictionary<long, RefusedInput>();
        private static long _next;

        public static long NumberToken(object? input, string reason, PipelineIdRule rule) => FirstNumberToken + Keep(input, reason, rule);

        public static string TextToken(object? input, string reason, PipelineIdRule rule) =>
            TextPrefix + Keep(input, reason, rule).ToString(CultureInfo.InvariantCulture);

        /// <summary>The refusal a bound value stands for, when it is a token (or a list holding one).</summary>
        public static RefusedInput? Find(object? boundValue, PipelineIdRule rule)
        {
            switch (boundValue)
            {
                case long number when number > FirstNumberToken:
                    return Lookup(number - FirstNumberToken, rule);
                case string text when text.StartsWith(TextPrefix, StringComparison.Ordinal):
                    return Lookup(long.Parse(text.Substring(TextPrefix.Length), CultureInfo.InvariantCulture), rule);
                case IEnumerable list when !(boundValue is string):
                    return list.Cast<object?>().Select(item => Find(item, rule)).FirstOrDefault(found => found != null);
                default:
                    return null;
            }
        }

        private static long Keep(object? input, string reason, PipelineIdRule rule)
        {
            // Tokens stay valid for as long as the parameter holds them (a refused -QueueId given once is seen by every
            // record), so they are not removed when read; the table is only emptied when it grows large.
            if (Refusals.Count > KeptRefusals)
                Refusals.Clear();
            var key = (Interlocked.Increment(ref _next) % (TokenRange - 1)) + 1;
            Refusals[key] = new RefusedInput(input, reason, rule);
            return key;
        }

        private static RefusedInput Lookup(long key, PipelineIdRule rule) =>
            Refusals.TryGetValue(key, out var found) ? found : new RefusedInput(null, "The input was refused.", rule);
    }

    /// <summary>
    /// Reports the refused inputs of a command's [PipelineId] parameters as WcxWrongInputType errors (non-terminating:
    /// the pipeline goes on with the next object) and tells the command to skip the record.
    /// </summary>
    internal static class PipelineIdGuard
    {
        private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, PipelineIdAttribute Attribute)[]> ParametersByType =
            new ConcurrentDictionary<Type, (PropertyInfo, PipelineIdAttribute)[]>();

        /// <returns>True when a parameter holds a refused input: the record must not run.</returns>
        public static bool ReportRefusals(PSCmdlet command)
        {
            var refused = false;
            foreach (var (property, attribute) in ParametersOf(command.GetType()))
            {
                var refusal = RefusedInputs.Find(property.GetValue(command), attribute.Rule);
                if (refusal is null)
                    continue;
                refused = true;
                command.WriteError(ToErrorRecord(refusal, command.MyInvocation.MyCommand.Name, property.Name));
            }
            return refused;
        }

        internal static ErrorRecord ToErrorRecord(RefusedInput refusal, string commandName, string parameterName)
        {
            var message = commandName + " -" + parameterName + " takes " + refusal.Rule.Takes + ". " + refusal.Reason;
            var record = new ErrorRecord(new ArgumentException(message), ErrorTranslator.WrongInputType,
                ErrorCategory.InvalidArgument, refusal.Input);
            record.ErrorDetails = new ErrorDetails(message)
            {
                RecommendedAction = "Pipe " + Plural(refusal.Rule) + " or ids into " + commandName + ", or give -" + parameterName +
                                    " (Get-Help " + commandName + " -Parameter " + parameterName + ").",
            };
            return record;
        }

        private static string Plural(PipelineIdRule rule) => rule.ModelTypeName is null
            ? "objects with " + string.Join(" or ", rule.ExplicitNames)
            : rule.Noun + "s";

        private static (PropertyInfo, PipelineIdAttribute)[] ParametersOf(Type type) =>
            ParametersByType.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => (Property: p, Attribute: p.GetCustomAttribute<PipelineIdAttribute>()))
                .Where(p => p.Attribute != null)
                .Select(p => (p.Property, p.Attribute!))
                .ToArray());
    }
}
