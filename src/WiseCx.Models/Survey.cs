namespace WiseCx
{
    /// <summary>A survey as GET /surveys lists it.</summary>
    public sealed class Survey : WcxObject
    {
        public long Id { get; set; }
        public string? Guid { get; set; }
        public string? Name { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Color { get; set; }
        public string? LogoUrl { get; set; }
        public string? Language { get; set; }
        public SurveyCompletion? Completion { get; set; }
        public bool? Active { get; set; }

        public override string ToString() => Name is null ? "Survey " + Id : "Survey " + Id + ": " + Name;
    }

    /// <summary>What a survey shows once it is answered.</summary>
    public sealed class SurveyCompletion : WcxObject
    {
        public string? Description { get; set; }
        public string? SubmitButtonLabel { get; set; }
        public string? CompletionMessage { get; set; }

        public override string ToString() => CompletionMessage ?? "";
    }

    /// <summary>A question of a survey. Question ids are GUID-like strings, unlike survey ids.</summary>
    public sealed class SurveyQuestion : WcxObject
    {
        public string? Id { get; set; }

        /// <summary>The survey the question belongs to. Not sent by the API: the module sets it from the request.</summary>
        public long? SurveyId { get; set; }

        public string? Label { get; set; }

        /// <summary>nps10, boolean, comment, checkboxes, optionbutton, rating, …</summary>
        public string? Type { get; set; }

        public bool? Required { get; set; }
        public bool? IsPrimary { get; set; }
        public int? Position { get; set; }
        public int? Page { get; set; }
        public SurveyNpsLabels? NpsLabels { get; set; }
        public WcxList<SurveyQuestionOption>? Options { get; set; }

        public override string ToString() => Position + ". " + Label;
    }

    /// <summary>The captions of the two ends of an NPS scale (empty for other question types).</summary>
    public sealed class SurveyNpsLabels : WcxObject
    {
        public string? Min { get; set; }
        public string? Max { get; set; }

        public override string ToString() => Min + " … " + Max;
    }

    /// <summary>One choice of a checkboxes or optionbutton question.</summary>
    public sealed class SurveyQuestionOption : WcxObject
    {
        public string? Id { get; set; }
        public string? Label { get; set; }
        public string? Value { get; set; }

        public override string ToString() => Label ?? Value ?? "";
    }

    /// <summary>One survey sent to a contact, with its answers once responded.</summary>
    public sealed class SurveyResponse : WcxObject
    {
        public long ResponseId { get; set; }
        public long? SurveyId { get; set; }
        public long? CaseId { get; set; }

        /// <summary>responded or not_responded.</summary>
        public string? Status { get; set; }

        public WcxList<SurveyAnswer>? Answers { get; set; }
        public long? ContactId { get; set; }
        public DateTime? SentAt { get; set; }

        /// <summary>Null while not responded (the API sends its 1900-01-01 "never" date).</summary>
        public DateTime? RespondedAt { get; set; }

        public override string ToString() => "Response " + ResponseId + " (" + Status + ")";
    }

    /// <summary>The answer to one question: a number, a boolean, text or a list, depending on the question type.</summary>
    public sealed class SurveyAnswer : WcxObject
    {
        public string? QuestionId { get; set; }
        public string? QuestionType { get; set; }

        /// <summary>A plain .NET value: long, double, bool, string, object[] or a dictionary.</summary>
        public object? Value { get; set; }

        public override string ToString() => QuestionType + "=" + Value;
    }
}
