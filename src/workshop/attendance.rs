//! Who is in the room: when each participant joined and left. A participant who
//! leaves keeps their votes (they were cast; the statistics and the minutes count
//! them); only someone added by mistake is removed, votes and all.

use chrono::{DateTime, FixedOffset};

use super::WorkshopError;
use crate::assessment::{Assessment, Attendance, Workshop};

/// The attendance record of `name` (empty when none was kept: an older file).
pub fn attendance(a: &Assessment, name: &str) -> Attendance {
    a.workshop
        .as_ref()
        .and_then(|w| w.attendance.get(name))
        .cloned()
        .unwrap_or_default()
}

/// Whether `name` is in the room (a participant who has not left).
pub fn is_present(a: &Assessment, name: &str) -> bool {
    a.participants.iter().any(|p| p == name) && attendance(a, name).left.is_none()
}

/// How many questions `name` voted on (N/A votes included).
pub fn votes_cast(a: &Assessment, name: &str) -> usize {
    a.answers
        .values()
        .filter(|ans| ans.votes.contains_key(name))
        .count()
}

fn record<'a>(a: &'a mut Assessment, name: &str) -> &'a mut Attendance {
    a.workshop
        .get_or_insert_with(Workshop::default)
        .attendance
        .entry(name.to_string())
        .or_default()
}

/// Notes that `name` joined at `now` (called when a participant is added).
pub(super) fn joined(a: &mut Assessment, name: &str, now: DateTime<FixedOffset>) {
    record(a, name).joined = Some(now);
}

/// `name` left the room at `now`: their votes stay, they get no new ones.
pub fn leave(
    a: &mut Assessment,
    name: &str,
    now: DateTime<FixedOffset>,
) -> Result<(), WorkshopError> {
    known(a, name)?;
    record(a, name).left = Some(now);
    a.meta.updated = now;
    Ok(())
}

/// `name` is back in the room (the time they left is forgotten; the join time stays).
pub fn come_back(
    a: &mut Assessment,
    name: &str,
    now: DateTime<FixedOffset>,
) -> Result<(), WorkshopError> {
    known(a, name)?;
    record(a, name).left = None;
    a.meta.updated = now;
    Ok(())
}

fn known(a: &Assessment, name: &str) -> Result<(), WorkshopError> {
    if a.participants.iter().any(|p| p == name) {
        Ok(())
    } else {
        Err(WorkshopError::UnknownParticipant(name.to_string()))
    }
}

/// Moves the attendance record with a renamed participant.
pub(super) fn rename(a: &mut Assessment, old: &str, new: &str) {
    if let Some(w) = &mut a.workshop
        && let Some(record) = w.attendance.remove(old)
    {
        w.attendance.insert(new.to_string(), record);
    }
}

/// Forgets the attendance of a participant removed as added by mistake.
pub(super) fn forget(a: &mut Assessment, name: &str) {
    if let Some(w) = &mut a.workshop {
        w.attendance.remove(name);
    }
}
