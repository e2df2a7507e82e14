"""Typed SQLAlchemy 2 models: the factsheet's structure, follow-ups, ratings and themes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints keep Alembic's batch migrations on SQLite predictable.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time in UTC (stored naive-free, as ISO text by SQLite)."""
    return datetime.now(UTC)


def new_uid() -> str:
    """A stable identifier that survives re-imports and travels in questionnaires."""
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    """Declarative base with a naming convention for constraints."""

    metadata = MetaData(naming_convention=NAMING)


class Party(Base):
    """A State Party to the Convention."""

    __tablename__ = "party"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    factsheets: Mapped[list[Factsheet]] = relationship(back_populates="party")


class RatingScale(Base):
    """An ordered set of rating levels (GRECO's by default, FATF's as a preset)."""

    __tablename__ = "rating_scale"
    id: Mapped[int] = mapped_column(primary_key=True)
    preset: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    levels: Mapped[list[RatingLevel]] = relationship(
        back_populates="scale", order_by="RatingLevel.position", cascade="all, delete-orphan"
    )


class RatingLevel(Base):
    """One level of a scale: a stable key, a label for people, a colour."""

    __tablename__ = "rating_level"
    __table_args__ = (UniqueConstraint("scale_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    scale_id: Mapped[int] = mapped_column(ForeignKey("rating_scale.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(200))
    #: The label in French (a document's language); None: the preset's French, else English.
    label_fr: Mapped[str | None] = mapped_column(String(200), default=None)
    color: Mapped[str] = mapped_column(String(9))
    position: Mapped[int] = mapped_column(Integer)
    scale: Mapped[RatingScale] = relationship(back_populates="levels")


class MonitoringRound(Base):
    """A monitoring round of the Committee, with the rating scale used to assess it."""

    __tablename__ = "monitoring_round"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text, unique=True)
    rating_scale_id: Mapped[int] = mapped_column(ForeignKey("rating_scale.id"))
    rating_scale: Mapped[RatingScale] = relationship()


class Factsheet(Base):
    """One Party's factsheet for one round: the root of everything assessed."""

    __tablename__ = "factsheet"
    __table_args__ = (UniqueConstraint("party_id", "round_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    round_id: Mapped[int] = mapped_column(ForeignKey("monitoring_round.id"))
    title: Mapped[str] = mapped_column(Text)
    preamble: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: The language the import found it written in ("en", "fr"); None: not known.
    language: Mapped[str | None] = mapped_column(String(8), default=None)
    party: Mapped[Party] = relationship(back_populates="factsheets")
    round: Mapped[MonitoringRound] = relationship()
    chapters: Mapped[list[Chapter]] = relationship(
        back_populates="factsheet", order_by="Chapter.position", cascade="all, delete-orphan"
    )


class Chapter(Base):
    """A chapter (I … XI) with its introductory text."""

    __tablename__ = "chapter"
    id: Mapped[int] = mapped_column(primary_key=True)
    factsheet_id: Mapped[int] = mapped_column(ForeignKey("factsheet.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    factsheet: Mapped[Factsheet] = relationship(back_populates="chapters")
    sections: Mapped[list[Section]] = relationship(
        back_populates="chapter",
        order_by="Section.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Section(Base):
    """A part of a chapter: specific, generic, promising_practices, difficulties or text."""

    __tablename__ = "section"
    id: Mapped[int] = mapped_column(primary_key=True)
    chapter_id: Mapped[int] = mapped_column(ForeignKey("chapter.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    chapter: Mapped[Chapter] = relationship(back_populates="sections")
    notes: Mapped[list[Note]] = relationship(
        order_by="Note.position", cascade="all, delete-orphan", passive_deletes=True
    )
    observations: Mapped[list[Observation]] = relationship(
        order_by="Observation.position", cascade="all, delete-orphan", passive_deletes=True
    )
    practices: Mapped[list[PromisingPractice]] = relationship(
        order_by="PromisingPractice.position", cascade="all, delete-orphan", passive_deletes=True
    )


class Note(Base):
    """A paragraph of a section that is neither observation nor recommendation."""

    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    #: text (a paragraph), heading (a sub-heading), footnote (an explanatory footnote),
    #: unplaced (text the importer could not place; also listed in its warnings)
    kind: Mapped[str] = mapped_column(String(20), default="text")


class Observation(Base):
    """The Committee's observation, citing paragraphs of the implementation report."""

    __tablename__ = "observation"
    # The observations leading to a recommendation are read by section and position.
    __table_args__ = (Index("ix_observation_section_position", "section_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    paragraphs: Mapped[list[str]] = mapped_column(JSON, default=list)


class PromisingPractice(Base):
    """A national promising practice (the blue boxes)."""

    __tablename__ = "promising_practice"
    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Recommendation(Base):
    """One bullet of the Committee: one or more codes, a verb, a scope, a text.

    Rows outlive re-imports (matched by code) so that ratings and stable ids stay attached;
    a recommendation missing from a newer factsheet is marked ``retired_at``, never deleted.
    """

    __tablename__ = "recommendation"
    __table_args__ = (Index("ix_recommendation_factsheet_order", "factsheet_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    factsheet_id: Mapped[int] = mapped_column(ForeignKey("factsheet.id", ondelete="CASCADE"))
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("section.id", ondelete="SET NULL"), index=True
    )
    chapter_number: Mapped[str] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(Integer)
    section_position: Mapped[int] = mapped_column(Integer, default=0)
    verb: Mapped[str] = mapped_column(String(10))
    scope: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    paragraphs: Mapped[list[str]] = mapped_column(JSON, default=list)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    section: Mapped[Section | None] = relationship()
    codes: Mapped[list[RecommendationCode]] = relationship(
        back_populates="recommendation",
        order_by="RecommendationCode.position",
        cascade="all, delete-orphan",
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="recommendation", order_by="FollowUp.id", cascade="all, delete-orphan"
    )
    assessment: Mapped[Assessment | None] = relationship(
        back_populates="recommendation", cascade="all, delete-orphan"
    )


class RecommendationCode(Base):
    """A code of the implementation report (``II-6``) that a recommendation carries."""

    __tablename__ = "recommendation_code"
    __table_args__ = (UniqueConstraint("factsheet_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    factsheet_id: Mapped[int] = mapped_column(ForeignKey("factsheet.id", ondelete="CASCADE"))
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendation.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer)
    recommendation: Mapped[Recommendation] = relationship(back_populates="codes")


class FollowUp(Base):
    """One version of the State's follow-up; the current one has ``superseded_at`` unset."""

    __tablename__ = "follow_up"
    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendation.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: When this version came into the database (``received_at`` is the State's date).
    recorded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=utcnow)
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: How precise ``received_at`` is: "month" (a factsheet's "received March 2025") or "day".
    received_precision: Mapped[str] = mapped_column(String(5), default="day", server_default="day")
    #: The State's own status from a questionnaire (implemented / in progress / not started);
    #: None when it gave none, and for follow-ups imported before it was kept apart (0004).
    state_status: Mapped[str | None] = mapped_column(String(20))
    #: The references the State gave with its answer (laws, documents), as it wrote them.
    state_references: Mapped[str | None] = mapped_column(Text)
    recommendation: Mapped[Recommendation] = relationship(back_populates="follow_ups")


class Assessment(Base):
    """The rapporteur's rating, comment and status for one recommendation."""

    __tablename__ = "assessment"
    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendation.id", ondelete="CASCADE"), unique=True
    )
    rating: Mapped[str | None] = mapped_column(String(40))
    comment: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="draft")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    #: Raised by every update, which is made only if the row still has the version it read
    #: (``UPDATE … WHERE id = ? AND version = ?``): two writers never silently overwrite.
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    recommendation: Mapped[Recommendation] = relationship(back_populates="assessment")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)


class Change(Base):
    """One recorded change (old and new value) of an assessed field; never pruned."""

    __tablename__ = "change"
    __table_args__ = (Index("ix_change_target", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(40))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    by: Mapped[str] = mapped_column(String(200), default="")


class Theme(Base):
    """A theme of the assessor's own recommendations for a Party."""

    __tablename__ = "theme"
    id: Mapped[int] = mapped_column(primary_key=True)
    factsheet_id: Mapped[int] = mapped_column(ForeignKey("factsheet.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    items: Mapped[list[ThemeItem]] = relationship(
        back_populates="theme", order_by="ThemeItem.position", cascade="all, delete-orphan"
    )


class ThemeItem(Base):
    """One of the assessor's recommendations within a theme, linked to Committee codes."""

    __tablename__ = "theme_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    links: Mapped[list[str]] = mapped_column(JSON, default=list)
    theme: Mapped[Theme] = relationship(back_populates="items")
