namespace WiseCx.Sandbox.Data;

// The catalogues of the endpoints only the vendor's Spanish documentation lists: custom-field options and assistants
// whose nodes are run by name (POST /assistans/{assistantID}/{nodeName}/execute).
internal sealed partial class SandboxState
{
    /// <summary>The options of each custom field, by field name (as written in the path, case-sensitive), in creation order.</summary>
    public Dictionary<string, List<CustomFieldOptionRecord>> CustomFieldOptions { get; } = new(StringComparer.Ordinal);

    /// <summary>Assistants, by id: the ids of their nodes in <see cref="AssistantNodes"/> (where each node has its name).</summary>
    public Dictionary<long, List<long>> Assistants { get; } = [];

    public long LastCustomFieldOptionId { get; set; }

    public long NextCustomFieldOptionId() => ++LastCustomFieldOptionId;
}

/// <summary>One option of a custom field: its id (unique across fields) and value.</summary>
internal sealed class CustomFieldOptionRecord(long id, string value)
{
    public long Id { get; } = id;
    public string Value { get; set; } = value;
}
