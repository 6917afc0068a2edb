//! "Did you mean: 'x'?" for NameError and AttributeError: CPython's
//! `Python/suggestions.c` distance (case changes cost half as much as other edits).

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.to_lowercase().eq(b.to_lowercase()) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Edit distance between `a` and `b`, or anything above `max_cost` when it exceeds it.
fn levenshtein_distance(a: &[char], b: &[char], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let post = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - post], &b[..b.len() - post]);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bindex, &bchar) in b.iter().enumerate() {
        let mut distance = bindex * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &achar) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bchar, achar);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `wrong`, as CPython chooses it.
pub fn best_suggestion<'a>(candidates: &[&'a str], wrong: &str) -> Option<&'a str> {
    let wrong_chars: Vec<char> = wrong.chars().collect();
    if candidates.len() > MAX_CANDIDATE_ITEMS || wrong_chars.len() > MAX_STRING_SIZE {
        return None;
    }
    let mut best_distance = wrong_chars.len();
    let mut suggestion = None;
    for &candidate in candidates {
        if candidate == wrong {
            continue;
        }
        let chars: Vec<char> = candidate.chars().collect();
        let max_distance = ((chars.len() + wrong_chars.len() + 3) * MOVE_COST / 6)
            .min(best_distance.saturating_sub(1));
        let distance = levenshtein_distance(&wrong_chars, &chars, max_distance);
        if distance > max_distance {
            continue;
        }
        if suggestion.is_none() || distance < best_distance {
            suggestion = Some(candidate);
            best_distance = distance;
        }
    }
    suggestion
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names() {
        // Checked against python3.14: NameError: name 'pritn' ... Did you mean: 'print'?
        assert_eq!(
            best_suggestion(&["print", "len", "range"], "pritn"),
            Some("print")
        );
        assert_eq!(best_suggestion(&["total", "count"], "totl"), Some("total"));
        assert_eq!(best_suggestion(&["abc"], "xyz"), None);
    }
}
