namespace WiseCx.Sandbox.Data;

/// <summary>Bulk contact imports (POST /contacts/import and its adds): an assumption from the vendor's Spanish documentation.</summary>
internal sealed partial class SandboxState
{
    public Dictionary<long, ContactImportRecord> ContactImports { get; } = [];

    public long LastContactImportId { get; set; }

    public long NextContactImportId() => ++LastContactImportId;
}

/// <summary>One import: its settings, the rows received (queued until a status request applies them) and its counts.</summary>
internal sealed class ContactImportRecord
{
    public long Id { get; init; }
    public IReadOnlyList<long> GroupIds { get; init; } = [];

    /// <summary>email, personal_id or phone.</summary>
    public string Identifier { get; init; } = "email";

    /// <summary>add_update, add_only or update_only.</summary>
    public string Action { get; init; } = "add_update";

    /// <summary>Metadata key → contact field (name, phone, email, personal_id, address) or custom field name.</summary>
    public IReadOnlyDictionary<string, string> FieldsMapping { get; init; } = new Dictionary<string, string>();

    /// <summary>Rows sent in adds so far, accepted or not: the next row's position in the import (from 0).</summary>
    public int Sent { get; set; }

    /// <summary>Rows accepted, in order, with their position in the import.</summary>
    public List<(int Position, ContactImportRowInput Row)> Received { get; } = [];

    /// <summary>How many of <see cref="Received"/> are applied.</summary>
    public int Processed { get; set; }

    public int Created { get; set; }
    public int Updated { get; set; }
    public int Failed { get; set; }

    /// <summary>Rows that failed when applied: position in the import, the row's identifier value, why.</summary>
    public List<(int Position, string Key, string Error)> Errors { get; } = [];
}

/// <summary>One contact of an add request.</summary>
internal sealed record ContactImportRowInput(string? Email, string? Phone, string? Name, string? PersonalId, IReadOnlyList<(string Key, string Value)> Metadata);
