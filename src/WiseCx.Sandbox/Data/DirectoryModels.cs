namespace WiseCx.Sandbox.Data;

// Same rule as Models.cs: mutable records live behind SandboxStore's lock and are projected to JSON inside it.

/// <summary>A contact organization (GET /contacts/organizations).</summary>
internal sealed class OrganizationRecord
{
    public long Id { get; init; }
    public string CustomId { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>A contact group; membership is kept here only, so adding and removing members cannot drift apart.</summary>
internal sealed class ContactGroupRecord
{
    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; set; } = "";
    public HashSet<long> ContactIds { get; } = [];

    /// <summary>The API's group codes look like <c>BKA0389</c>: three letters, then the id.</summary>
    public static string MakeCode(long id)
    {
        var letters = new char[3];
        var x = (ulong)id * 2654435761UL;
        for (var i = 0; i < 3; i++)
        {
            letters[i] = (char)('A' + (int)(x % 26));
            x /= 26;
        }
        return new string(letters) + (id % 10_000).ToString("D4", CultureInfo.InvariantCulture);
    }
}

/// <summary>A case type; <c>parent_id</c> 0 means top level.</summary>
internal sealed record CaseTypeRecord(long Id, string Name, long ParentId);

/// <summary>A case tag (label).</summary>
internal sealed record TagRecord(long Id, string Name);

/// <summary>A WiseCX user (agent or bot). Queue membership is kept on <see cref="QueueRecord"/> only.</summary>
internal sealed class UserRecord
{
    public long Id { get; init; }
    public string UserName { get; set; } = "";
    public string Nick { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public bool IsBot { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? LastLogin { get; set; }

    /// <summary>The "name" a queue's user list shows: full name, else nick, else user name.</summary>
    public string DisplayName
    {
        get
        {
            var full = $"{FirstName} {LastName}".Trim();
            if (full.Length > 0) return full;
            return Nick.Length > 0 ? Nick : UserName;
        }
    }
}

/// <summary>A service group (queue) with its business hours and its members (user id → auto_assign).</summary>
internal sealed class QueueRecord
{
    public long Id { get; init; }
    public string Name { get; set; } = "";
    public BusinessHours Hours { get; set; } = BusinessHours.Default;
    public Dictionary<long, bool> Members { get; } = [];
}

/// <summary>One opening interval of a day, as <c>HH:mm</c> texts; "23:59" as the end means "until midnight".</summary>
internal sealed record OpeningHours(string From, string To);

/// <summary>One row of <c>businessHours.schedules</c>: a weekday, or a special date that overrides it.</summary>
internal sealed record DaySchedule(int Day, bool IsOpen, DateOnly? Date, IReadOnlyList<OpeningHours> Hours)
{
    public static readonly IReadOnlyList<string> DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public JsonObject ToJson() => new()
    {
        ["day"] = Day,
        ["name"] = DayNames[Day],
        ["isOpen"] = IsOpen,
        ["specialDate"] = Date is not null,
        ["date"] = Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["hours"] = new JsonArray(Hours.Select(h => (JsonNode)new JsonObject { ["from"] = h.From, ["to"] = h.To }).ToArray()),
    };
}

/// <summary>A queue's business hours: a fixed UTC offset (as the API reports it) and the week plus special dates.</summary>
internal sealed record BusinessHours(string TimezoneName, TimeSpan Offset, IReadOnlyList<DaySchedule> Schedules)
{
    public const string ArgentinaTimezone = "Argentina Standard Time";
    public static readonly TimeSpan ArgentinaOffset = TimeSpan.FromHours(-3);

    /// <summary>What a queue created through the API gets: Monday to Friday, 09:00–18:00, Argentina.</summary>
    public static BusinessHours Default { get; } = Weekdays(ArgentinaTimezone, ArgentinaOffset, [1, 2, 3, 4, 5], [new("09:00", "18:00")]);

    public static BusinessHours Weekdays(string timezone, TimeSpan offset, int[] openDays, IReadOnlyList<OpeningHours> hours, params DaySchedule[] special) =>
        new(timezone, offset,
            Enumerable.Range(0, 7)
                .Select(d => openDays.Contains(d) ? new DaySchedule(d, true, null, hours) : new DaySchedule(d, false, null, []))
                .Concat(special)
                .ToArray());

    public JsonObject ToJson() => new()
    {
        ["timezone"] = new JsonObject { ["name"] = TimezoneName, ["offset"] = FormatOffset(Offset) },
        ["schedules"] = new JsonArray(Schedules.Select(s => (JsonNode)s.ToJson()).ToArray()),
    };

    /// <summary>Whether the group attends at <paramref name="utc"/>: a special date of that local day wins over the weekday.</summary>
    public bool IsOpenAt(DateTime utc)
    {
        var local = utc + Offset;
        var today = DateOnly.FromDateTime(local);
        var schedule = Schedules.FirstOrDefault(s => s.Date == today)
            ?? Schedules.FirstOrDefault(s => s.Date is null && s.Day == (int)local.DayOfWeek);
        if (schedule is not { IsOpen: true }) return false;
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return schedule.Hours.Any(h =>
            string.CompareOrdinal(time, h.From) >= 0 && (string.CompareOrdinal(time, h.To) < 0 || h.To == "23:59"));
    }

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
