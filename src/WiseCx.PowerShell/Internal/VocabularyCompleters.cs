using System.Management.Automation.Language;
using WiseCx.Client;

namespace WiseCx.PowerShell.Internal
{
    /// <summary>
    /// Completes a parameter with the values of one of the API's open vocabularies (<see cref="Vocabulary"/>): the
    /// documented values, then those seen on the live API, each saying which it is. Unlike a ValidateSet it refuses
    /// nothing: any other value is sent as given and the API judges it.
    /// </summary>
    public abstract class VocabularyCompleter : IArgumentCompleter
    {
        /// <summary>The vocabulary offered, which may depend on the parameters already typed.</summary>
        internal abstract OpenVocabulary VocabularyFor(IDictionary? fakeBoundParameters);

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var vocabulary = VocabularyFor(fakeBoundParameters);
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return vocabulary.Values
                .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, ToolTip(vocabulary, v)));
        }

        private static string ToolTip(OpenVocabulary vocabulary, string value) =>
            value + ": " + (vocabulary.IsDocumented(value) ? "documented" : "seen on the live API, not in the collection") +
            " (" + vocabulary.Description + ")";
    }

    /// <summary>Set-WcxCase -Status.</summary>
    public sealed class CaseStatusCompleter : VocabularyCompleter
    {
        internal override OpenVocabulary VocabularyFor(IDictionary? fakeBoundParameters) => Vocabulary.CaseStatus;
    }

    /// <summary>New-WcxCase -SourceChannel.</summary>
    public sealed class CaseSourceChannelCompleter : VocabularyCompleter
    {
        internal override OpenVocabulary VocabularyFor(IDictionary? fakeBoundParameters) => Vocabulary.CaseSourceChannel;
    }

    /// <summary>New-WcxCase and Set-WcxCase -Priority.</summary>
    public sealed class CasePriorityCompleter : VocabularyCompleter
    {
        internal override OpenVocabulary VocabularyFor(IDictionary? fakeBoundParameters) => Vocabulary.CasePriority;
    }

    /// <summary>New-WcxActivity -Type.</summary>
    public sealed class ActivityTypeCompleter : VocabularyCompleter
    {
        internal override OpenVocabulary VocabularyFor(IDictionary? fakeBoundParameters) => Vocabulary.ActivityType;
    }

    /// <summary>New-WcxActivity -Channel.</summary>
    public sealed class ActivityChannelCompleter : VocabularyCompleter
    {
        internal override OpenVocabulary VocabularyFor(IDictionary? fakeBoundParameters) => Vocabulary.ActivityChannel;
    }

    /// <summary>New-WcxOrder and Set-WcxOrder -EcommercePlatform.</summary>
    public sealed class OrderPlatformCompleter : VocabularyCompleter
    {
        internal override OpenVocabulary VocabularyFor(IDictionary? fakeBoundParameters) => Vocabulary.OrderPlatform;
    }

    /// <summary>New-WcxNitroCampaign -Type.</summary>
    public sealed class NitroCampaignTypeCompleter : VocabularyCompleter
    {
        internal override OpenVocabulary VocabularyFor(IDictionary? fakeBoundParameters) => Vocabulary.NitroCampaignType;
    }

    /// <summary>Send-WcxNitroMessage -Channel.</summary>
    public sealed class NitroSendChannelCompleter : VocabularyCompleter
    {
        internal override OpenVocabulary VocabularyFor(IDictionary? fakeBoundParameters) => Vocabulary.NitroSendChannel;
    }

    /// <summary>Start-WcxAnalyticsExport -GroupBy.</summary>
    public sealed class AnalyticsGroupByCompleter : VocabularyCompleter
    {
        internal override OpenVocabulary VocabularyFor(IDictionary? fakeBoundParameters) => Vocabulary.AnalyticsGroupBy;
    }

    /// <summary>
    /// New-/Set-WcxNitroCampaignMessage -ReplyType: the reply types of the channel whose parameters are already typed
    /// (-TemplateId: WhatsApp, -FromEmail/-Subject/-EmailContent: e-mail, -CallNumberId: call), else all of them.
    /// </summary>
    public sealed class NitroReplyTypeCompleter : VocabularyCompleter
    {
        internal override OpenVocabulary VocabularyFor(IDictionary? fakeBoundParameters)
        {
            bool Has(string name) => fakeBoundParameters != null && fakeBoundParameters.Contains(name);
            if (Has("TemplateId") || Has("Variable") || Has("ReplyNode"))
                return Vocabulary.NitroWhatsAppReplyType;
            if (Has("FromEmail") || Has("EmailContent") || Has("Header") || Has("Subject"))
                return Vocabulary.NitroEmailReplyType;
            if (Has("CallNumberId") || Has("ReplyUrl") || Has("SimultaneousCalls"))
                return Vocabulary.NitroCallReplyType;
            return Vocabulary.NitroReplyType;
        }
    }
}
