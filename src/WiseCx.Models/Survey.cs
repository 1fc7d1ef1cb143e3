namespace WiseCx
{
    /// <summary>A survey as GET /surveys lists it.</summary>
    public sealed class Survey : WcxObject
    {
        /// <summary>The survey id, as its questions and responses are read by.</summary>
        public long Id { get; set; }

        /// <summary>The survey's GUID, as it appears in the links sent to contacts.</summary>
        public string? Guid { get; set; }

        /// <summary>The survey's internal name.</summary>
        public string? Name { get; set; }

        /// <summary>The title contacts see.</summary>
        public string? Title { get; set; }

        /// <summary>The survey's description.</summary>
        public string? Description { get; set; }

        /// <summary>The survey page's color, e.g. #FFF.</summary>
        public string? Color { get; set; }

        /// <summary>Where the logo shown on the survey page is.</summary>
        public string? LogoUrl { get; set; }

        /// <summary>The survey's language code, e.g. es.</summary>
        public string? Language { get; set; }

        /// <summary>What the survey shows once it is answered.</summary>
        public SurveyCompletion? Completion { get; set; }

        /// <summary>True when the survey is active.</summary>
        public bool? Active { get; set; }

        /// <summary>The id and name, e.g. <c>Survey 1: Phone survey</c>.</summary>
        public override string ToString() => Name is null ? "Survey " + Id : "Survey " + Id + ": " + Name;
    }

    /// <summary>What a survey shows once it is answered.</summary>
    public sealed class SurveyCompletion : WcxObject
    {
        /// <summary>The description shown with the submit button and completion message; often null.</summary>
        public string? Description { get; set; }

        /// <summary>The submit button's caption.</summary>
        public string? SubmitButtonLabel { get; set; }

        /// <summary>The thank-you message shown after submitting.</summary>
        public string? CompletionMessage { get; set; }

        /// <summary>The completion message.</summary>
        public override string ToString() => CompletionMessage ?? "";
    }

    /// <summary>A question of a survey. Question ids are GUID-like strings, unlike survey ids.</summary>
    public sealed class SurveyQuestion : WcxObject
    {
        /// <summary>The question id, a 32-character hex string; answers name their question by it.</summary>
        public string? Id { get; set; }

        /// <summary>The survey the question belongs to. Not sent by the API: the module sets it from the request.</summary>
        public long? SurveyId { get; set; }

        /// <summary>The question as contacts read it.</summary>
        public string? Label { get; set; }

        /// <summary>nps10, boolean, comment, checkboxes, optionbutton, rating, …</summary>
        public string? Type { get; set; }

        /// <summary>True when the question must be answered.</summary>
        public bool? Required { get; set; }

        /// <summary>True for the question the survey marks as primary.</summary>
        public bool? IsPrimary { get; set; }

        /// <summary>The question's place in the survey, from 1.</summary>
        public int? Position { get; set; }

        /// <summary>The page of the survey the question is on, from 1.</summary>
        public int? Page { get; set; }

        /// <summary>The captions of the ends of an NPS scale.</summary>
        public SurveyNpsLabels? NpsLabels { get; set; }

        /// <summary>The choices of a checkboxes or optionbutton question; empty for other types.</summary>
        public WcxList<SurveyQuestionOption>? Options { get; set; }

        /// <summary>The position and label, e.g. <c>2. Did we solve your problem?</c>.</summary>
        public override string ToString() => Position + ". " + Label;
    }

    /// <summary>The captions of the two ends of an NPS scale (empty for other question types).</summary>
    public sealed class SurveyNpsLabels : WcxObject
    {
        /// <summary>The caption of the lowest score, e.g. "Not at all likely".</summary>
        public string? Min { get; set; }

        /// <summary>The caption of the highest score.</summary>
        public string? Max { get; set; }

        /// <summary>Both captions, <c>Min … Max</c>.</summary>
        public override string ToString() => Min + " … " + Max;
    }

    /// <summary>One choice of a checkboxes or optionbutton question.</summary>
    public sealed class SurveyQuestionOption : WcxObject
    {
        /// <summary>The choice's id.</summary>
        public string? Id { get; set; }

        /// <summary>The choice as contacts read it.</summary>
        public string? Label { get; set; }

        /// <summary>The value an answer records for the choice.</summary>
        public string? Value { get; set; }

        /// <summary>The label, or the value when there is none.</summary>
        public override string ToString() => Label ?? Value ?? "";
    }

    /// <summary>One survey sent to a contact, with its answers once responded.</summary>
    public sealed class SurveyResponse : WcxObject
    {
        /// <summary>The response id: one per survey sent.</summary>
        public long ResponseId { get; set; }

        /// <summary>The survey sent.</summary>
        public long? SurveyId { get; set; }

        /// <summary>The case the survey was sent from.</summary>
        public long? CaseId { get; set; }

        /// <summary>responded or not_responded.</summary>
        public string? Status { get; set; }

        /// <summary>The answers, one per question answered; empty while not responded.</summary>
        public WcxList<SurveyAnswer>? Answers { get; set; }

        /// <summary>The contact the survey was sent to.</summary>
        public long? ContactId { get; set; }

        /// <summary>When the survey was sent, in local time.</summary>
        public DateTime? SentAt { get; set; }

        /// <summary>When the contact answered, in local time; null while not responded (the API sends its 1900-01-01 "never" date).</summary>
        public DateTime? RespondedAt { get; set; }

        /// <summary>The id and status, e.g. <c>Response 525 (not_responded)</c>.</summary>
        public override string ToString() => "Response " + ResponseId + " (" + Status + ")";
    }

    /// <summary>The answer to one question: a number, a boolean, text or a list, depending on the question type.</summary>
    public sealed class SurveyAnswer : WcxObject
    {
        /// <summary>The question answered (a <see cref="SurveyQuestion.Id"/>).</summary>
        public string? QuestionId { get; set; }

        /// <summary>The question's type: nps10, boolean, comment, …</summary>
        public string? QuestionType { get; set; }

        /// <summary>A plain .NET value: long, double, bool, string, object[] or a dictionary.</summary>
        public object? Value { get; set; }

        /// <summary>The question type and value, e.g. <c>nps10=9</c>.</summary>
        public override string ToString() => QuestionType + "=" + Value;
    }
}
