package dev.trailhunt.translate;

/** Renders one call of a function in one SQL dialect from its checked arguments. */
@FunctionalInterface
interface Renderer {
    Typed render(Call call);
}
