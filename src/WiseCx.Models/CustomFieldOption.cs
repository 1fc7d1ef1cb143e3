namespace WiseCx
{
    /// <summary>
    /// One option of a custom field's list of values (GET /cases/fields/{field_name}/options, from the vendor's Spanish
    /// documentation: the shape is an assumption), with the field it belongs to.
    /// </summary>
    public sealed class CustomFieldOption : WcxObject
    {
        /// <summary>The custom field the option belongs to, as it was asked for; not part of the API's answer.</summary>
        public string? FieldName { get; set; }

        /// <summary>The option's id (the API's <c>id</c>, read from a number or a numeric string).</summary>
        public long Id { get; set; }

        /// <summary>The option's value, the text a case's custom field takes.</summary>
        public string? Value { get; set; }

        /// <summary>The field and the value, e.g. <c>plan: Pro</c>.</summary>
        public override string ToString() => (FieldName is null ? "" : FieldName + ": ") + (Value ?? ("option " + Id));
    }

    /// <summary>The body of POST and PUT /cases/fields/{field_name}/options[/{id}]: the option's value.</summary>
    public sealed class CustomFieldOptionRequest
    {
        /// <summary>The option's value.</summary>
        public string? Value { get; set; }
    }
}
