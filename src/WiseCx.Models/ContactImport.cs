namespace WiseCx
{
    /// <summary>
    /// A bulk contact import (POST /contacts/import, then /contacts/import/{id}/add in batches, then its status), as
    /// Import-WcxContact reports it. The endpoints follow the vendor's Spanish documentation; their shapes are assumptions.
    /// </summary>
    public sealed class ContactImport : WcxObject
    {
        /// <summary>The import's id, as the API gave it (a number or a string); its status is read by it.</summary>
        public string ImportId { get; set; } = "";

        /// <summary>Where the import stands: pending, processing, completed or failed; null when the API did not say.</summary>
        public string? Status { get; set; }

        /// <summary>What the import does with each row: add_update, add_only or update_only (the API's words).</summary>
        public string? Action { get; set; }

        /// <summary>The field that identifies an existing contact: email, personal_id or phone (the API's words).</summary>
        public string? Identifier { get; set; }

        /// <summary>The contact groups the imported contacts join.</summary>
        public long[] GroupIds { get; set; } = new long[0];

        /// <summary>The rows sent to the API (rows refused before sending are not counted).</summary>
        public int Rows { get; set; }

        /// <summary>The add requests sent (batches of at most 50 rows).</summary>
        public int Batches { get; set; }

        /// <summary>Rows refused: before sending (no identifier), by an add request, or by the import's processing.</summary>
        public ContactImportRejection[] Rejected { get; set; } = new ContactImportRejection[0];

        /// <summary>
        /// Rows of batches whose outcome is unknown (the request may have reached the API): not sent again; look them up
        /// before importing them again.
        /// </summary>
        public ContactImportRejection[] Uncertain { get; set; } = new ContactImportRejection[0];

        /// <summary>Contacts the import created, as its status says; null when it did not say.</summary>
        public long? Created { get; set; }

        /// <summary>Contacts the import updated, as its status says.</summary>
        public long? Updated { get; set; }

        /// <summary>Rows the import failed to apply, as its status says.</summary>
        public long? Failed { get; set; }

        /// <summary>Rows processed so far, as its status says.</summary>
        public long? Processed { get; set; }

        /// <summary>Rows the import received, as its status says.</summary>
        public long? Total { get; set; }

        /// <summary>True once the import has finished, successfully or not.</summary>
        public bool IsFinished => ContactImportStatus.IsFinal(Status);

        /// <summary>The id, status and counts, e.g. <c>Import 12: completed, 1000 rows, 2 rejected</c>.</summary>
        public override string ToString() =>
            "Import " + ImportId + ": " + (Status ?? "unknown") + ", " + Rows + " rows" +
            (Rejected.Length > 0 ? ", " + Rejected.Length + " rejected" : "") + (Uncertain.Length > 0 ? ", " + Uncertain.Length + " uncertain" : "");
    }

    /// <summary>A row of an import that was refused, or whose outcome is unknown, with the reason.</summary>
    public sealed class ContactImportRejection
    {
        /// <summary>The row's number in the input, counting from 1 (the first contact piped, or the first CSV data row).</summary>
        public int Row { get; set; }

        /// <summary>The row's identifier value (its e-mail, personal id or phone, as -Identifier says); null when it had none.</summary>
        public string? IdentifierValue { get; set; }

        /// <summary>Why: the module's reason, the API's message, or what made the outcome unknown.</summary>
        public string? Reason { get; set; }

        /// <summary>Who refused it: Module (before sending), Api (an add request or the import's processing), or Uncertain.</summary>
        public string? Source { get; set; }

        /// <summary>The import the row belongs to; null when it was refused before any import started.</summary>
        public string? ImportId { get; set; }

        /// <summary>The row number, identifier and reason, e.g. <c>Row 7 (a@b.c): malformed email</c>.</summary>
        public override string ToString() => "Row " + Row + (IdentifierValue is null ? "" : " (" + IdentifierValue + ")") + ": " + Reason;
    }

    /// <summary>What GET /contacts/import/{id}/status answers (assumed; every field optional).</summary>
    public sealed class ContactImportStatus : WcxObject
    {
        /// <summary>The import id, when the answer names it.</summary>
        public string? Id { get; set; }

        /// <summary>The import id under its other assumed name.</summary>
        public string? ImportId { get; set; }

        /// <summary>pending, processing, completed or failed.</summary>
        public string? Status { get; set; }

        /// <summary>Rows received.</summary>
        public long? Total { get; set; }

        /// <summary>Rows processed so far.</summary>
        public long? Processed { get; set; }

        /// <summary>Contacts created.</summary>
        public long? Created { get; set; }

        /// <summary>Contacts updated.</summary>
        public long? Updated { get; set; }

        /// <summary>Rows that failed.</summary>
        public long? Failed { get; set; }

        /// <summary>The rows that failed and why.</summary>
        public List<ContactImportRowError>? Errors { get; set; }

        /// <summary>True for completed and failed (in any letter case), the states after which nothing changes.</summary>
        public static bool IsFinal(string? status) =>
            string.Equals(status, "completed", StringComparison.OrdinalIgnoreCase) || string.Equals(status, "failed", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A row the API refused: in an add answer's <c>rejected</c> or a status's <c>errors</c> (assumed shape).</summary>
    public sealed class ContactImportRowError : WcxObject
    {
        /// <summary>The row's position counting from 0: within the add request (rejected) or within the import (errors).</summary>
        public int? Index { get; set; }

        /// <summary>The row's position within the import counting from 1, when the API says it that way.</summary>
        public int? Row { get; set; }

        /// <summary>The API's reason.</summary>
        public string? Error { get; set; }

        /// <summary>The reason under another name some answers may use.</summary>
        public string? Message { get; set; }
    }

    /// <summary>What POST /contacts/import answers: the new import's id (as id or import_id) and its status.</summary>
    public sealed class ContactImportStarted : WcxObject
    {
        /// <summary>The import's id.</summary>
        public string? Id { get; set; }

        /// <summary>The import's id under its other assumed name.</summary>
        public string? ImportId { get; set; }

        /// <summary>The import's first status (created).</summary>
        public string? Status { get; set; }
    }

    /// <summary>What POST /contacts/import/{id}/add answers: rows received and rows refused.</summary>
    public sealed class ContactImportAddResult : WcxObject
    {
        /// <summary>Rows accepted for processing.</summary>
        public int? Received { get; set; }

        /// <summary>Rows refused, by their index in the request (from 0).</summary>
        public List<ContactImportRowError>? Rejected { get; set; }
    }

    /// <summary>POST /contacts/import: the import's settings. Null members are not sent.</summary>
    public sealed class ContactImportRequest
    {
        /// <summary>The contact groups the imported contacts join (required).</summary>
        public long[] GroupIds { get; set; } = new long[0];

        /// <summary>email, personal_id or phone (required).</summary>
        public string Identifier { get; set; } = "email";

        /// <summary>add_update, add_only or update_only.</summary>
        public string Action { get; set; } = "add_update";

        /// <summary>Assumed: metadata key → contact field; sent as given.</summary>
        public Dictionary<string, object?>? FieldsMapping { get; set; }
    }

    /// <summary>One contact of an add request. Null members are not sent.</summary>
    public sealed class ContactImportRow
    {
        /// <summary>The contact's e-mail address.</summary>
        public string? Email { get; set; }

        /// <summary>The contact's phone number.</summary>
        public string? Phone { get; set; }

        /// <summary>The contact's name.</summary>
        public string? Name { get; set; }

        /// <summary>The contact's personal id.</summary>
        public string? PersonalId { get; set; }

        /// <summary>Every other value of the input row, under its own name.</summary>
        public Dictionary<string, object?>? Metadata { get; set; }
    }

    /// <summary>POST /contacts/import/{id}/add: at most 50 contacts.</summary>
    public sealed class ContactImportAddRequest
    {
        /// <summary>The contacts of this batch.</summary>
        public List<ContactImportRow> Contacts { get; set; } = new List<ContactImportRow>();
    }
}
