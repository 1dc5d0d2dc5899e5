import { Anchor, Badge, Button, type AnchorProps, type BadgeProps, type ButtonProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

/**
 * Mantine components as typed router links (TanStack's createLink): `to` and `params` are
 * checked against the route tree, which `<Anchor component={Link}>` cannot do.
 */
type AnchorAttrs = AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

const MantineAnchor = (props: AnchorProps & AnchorAttrs) => <Anchor component="a" {...props} />;
const CreatedAnchorLink = createLink(MantineAnchor);
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => <CreatedAnchorLink preload="intent" {...props} />;

const MantineButtonAnchor = (props: ButtonProps & AnchorAttrs) => <Button component="a" {...props} />;
const CreatedButtonLink = createLink(MantineButtonAnchor);
export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => <CreatedButtonLink preload="intent" {...props} />;

const MantineBadgeAnchor = (props: BadgeProps & AnchorAttrs) => <Badge component="a" {...props} />;
const CreatedBadgeLink = createLink(MantineBadgeAnchor);
export const BadgeLink: LinkComponent<typeof MantineBadgeAnchor> = (props) => <CreatedBadgeLink {...props} />;
