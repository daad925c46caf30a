import ExpoCore
import Foundation

private let nbsp = "\u{00A0}"

/// Why a delegation's coverage rules cannot hold (``CoverageReason``), in French: counts
/// agree with their nouns (« 1 stand », « 6 stands », « le seul stand »), a pavilion is
/// « le pavillon Corse » (« les 6 stands du pavillon Corse »), a theme « le thème ia »,
/// durations « 2 h 35 », a non-breaking space between a number and its unit.
extension Localization {
    func frenchCoverageReason(_ reason: CoverageReason) -> String {
        "\(reason.delegation)\(nbsp): " + frenchCoverage(reason.kind)
    }

    private func frenchCoverage(_ kind: CoverageReason.Kind) -> String {
        switch kind {
        case let .mustSeeOverMaximum(seen, place, maximum):
            let stands = seen == 1 ? "1 stand incontournable " + place.frenchIsIn(plural: false) : "\(seen) stands incontournables " + place.frenchIsIn(plural: true)
            let allowed = maximum == 0 ? "n’y permettent aucune visite" : "y permettent au plus \(Self.frenchCount(maximum, "visite"))"
            return "\(stands), mais les règles de couverture \(allowed)"
        case let .noStand(place, demand):
            return "\(place.french) n’a aucun stand dans le hall, mais \(frenchDemand(demand))"
        case let .unstaffed(place, stands, window, demand):
            let all = stands == 1 ? "le seul stand \(place.frenchOf) est sans personnel" : "les \(stands) stands \(place.frenchOf) sont tous sans personnel"
            return "\(all) pendant \(frenchWindow(window, plural: stands > 1)), mais \(frenchDemand(demand))"
        case let .tooFewOpen(open, place, stands, window, minimum):
            let only = stands == 1 ? "le seul stand \(place.frenchOf) peut être visité"
                : open == 1 ? "seul 1 des \(stands) stands \(place.frenchOf) peut être visité"
                : "seuls \(open) des \(stands) stands \(place.frenchOf) peuvent être visités"
            return "\(only) pendant \(frenchWindow(window, plural: stands > 1)), mais les règles de couverture y demandent \(Self.frenchCount(minimum, "visite"))"
        case let .overMaxVisits(asked, maximum):
            return "\(frenchAsked(asked)), mais maxVisits vaut \(maximum)"
        case let .overWindow(asked, time, window):
            var parts = ["\(Self.frenchCount(asked.visits, "visite")) × \(frenchMinutes(time.visitMinutes))"]
            if time.appointmentMinutes > 0 { parts.append("\(frenchMinutes(time.appointmentMinutes)) de rendez-vous") }
            if time.walkMinutes > 0 {
                parts.append("au moins \(Self.frenchCount(time.walks, "trajet")) " + (time.walkMinutes == 1 ? "d’une minute" : "de \(frenchMinutes(time.walkMinutes))"))
            }
            return "\(frenchAsked(asked))\(nbsp); \(parts.joined(separator: " + ")) demandent \(frenchDuration(time.needed)), "
                + "mais \(frenchWindow(window, plural: true)) ne dure que \(frenchDuration(time.available))"
        }
    }

    /// « les règles de couverture y demandent au moins 2 visites », « le parcours doit y
    /// passer, car c’est le pavillon d’Ana et de Bob ».
    private func frenchDemand(_ demand: CoverageReason.Demand) -> String {
        switch demand {
        case let .visits(n): "les règles de couverture y demandent au moins \(Self.frenchCount(n, "visite"))"
        case let .membersPavilion(members): "le parcours doit y passer, car c’est le pavillon " + Self.frenchList(members.map(Self.elidedDe))
        }
    }

    /// « le créneau 10:00–11:00 (tenus 11:00–12:00 le lundi 5 janvier 2026, pour des
    /// visites de 10 minutes) »; `plural`: the staffing is said of several stands.
    private func frenchWindow(_ window: CoverageReason.Window, plural: Bool) -> String {
        var text = "le créneau \(window.start)–\(window.end)"
        if let s = window.staffing {
            let day = Day(iso: s.day).map { "le " + date($0) } ?? s.day
            let hours = (s.hours + (s.more ? ["…"] : [])).joined(separator: ", ")
            text += " (tenu\(plural ? "s" : "") \(hours) \(day), pour des visites de \(frenchMinutes(s.visitMinutes)))"
        }
        return text
    }

    /// « les règles de couverture demandent au moins 4 visites (3 pavillons et leurs
    /// minimums, stands incontournables compris) ».
    private func frenchAsked(_ asked: CoverageReason.Asked) -> String {
        let one = asked.pavilions == 1
        let minimums = asked.visits > asked.pavilions ? (one ? " et son minimum" : " et leurs minimums") + ", stands incontournables compris" : ""
        return "les règles de couverture demandent au moins \(Self.frenchCount(asked.visits, "visite")) (\(Self.frenchCount(asked.pavilions, "pavillon"))\(minimums))"
    }

    /// « 1 minute », « 10 minutes ».
    func frenchMinutes(_ n: Int) -> String { "\(n)\(nbsp)minute\(n == 1 ? "" : "s")" }

    /// « 2 h 35 », « 2 h », « 55 minutes ».
    private func frenchDuration(_ minutes: Int) -> String {
        if minutes < 60 { return frenchMinutes(minutes) }
        return "\(minutes / 60)\(nbsp)h" + (minutes % 60 == 0 ? "" : nbsp + String(format: "%02d", minutes % 60))
    }

    /// « 1 visite », « 0 visite », « 3 visites » (French: plural from 2).
    static func frenchCount(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(abs(n) >= 2 ? "s" : "")" }

    /// « a, b et c ».
    static func frenchList(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " et " + items.last!
    }

    /// « d’Ana », « de Bob »: de, elided before a vowel.
    static func elidedDe(_ name: String) -> String {
        let first = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).first
        return first.map { "aeiouy".contains($0) } == true ? "d’" + name : "de " + name
    }
}

extension Localization {
    /// Why a delegation gets no tour when other delegations hold its must-see stands
    /// (``HeldStandsReason``), in French.
    func frenchHeldStandsReason(_ reason: HeldStandsReason) -> String {
        let d = reason.delegation
        guard !reason.stands.isEmpty else {
            return "\(d)\(nbsp): ses stands incontournables sont pris par d’autres délégations chaque fois qu’elle pourrait les visiter"
        }
        return "\(d)\(nbsp): " + reason.stands.map { contest in
            let day = Day(iso: contest.day).map(date) ?? contest.day
            let staffed = contest.hours.isEmpty ? "est tenu toute la journée du \(day)" : "n’est tenu que \(contest.hours.joined(separator: ", ")) le \(day)"
            let visits = zip(contest.others + [d], contest.visitMinutes).map { "\($0) \(frenchMinutes($1))" }
            return "son stand incontournable \(contest.exhibitor) (\(contest.id)) \(staffed), et \(Self.frenchList(contest.others)) "
                + (contest.others.count > 1 ? "doivent" : "doit") + " aussi le visiter\(nbsp); les visites (\(visits.joined(separator: ", "))) "
                + "ne tiennent pas toutes, une délégation à la fois, avec la marche et les rendez-vous"
        }.joined(separator: "\(nbsp); ")
    }
}

extension CoverageReason.Place {
    /// « le pavillon Corse », « le thème ia ».
    var french: String {
        switch self {
        case let .pavilion(name): "le pavillon \(name)"
        case let .theme(key): "le thème \(key)"
        }
    }

    /// « du pavillon Corse », « du thème ia ».
    var frenchOf: String { "du " + french.dropFirst("le ".count) }

    /// « est dans le pavillon Corse », « relèvent du thème ia ».
    func frenchIsIn(plural: Bool) -> String {
        switch self {
        case .pavilion: (plural ? "sont dans " : "est dans ") + french
        case .theme: (plural ? "relèvent " : "relève ") + frenchOf
        }
    }
}
