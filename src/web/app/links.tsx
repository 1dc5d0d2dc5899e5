import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { Anchor, Button, NavLink, type AnchorProps, type ButtonProps, type NavLinkProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';

/**
 * Mantine components as typed router links. `<Anchor component={Link} to params>` loses the
 * router's types (the polymorphic prop erases Link's generics), so route params go unchecked;
 * these keep `to` and `params` checked against the route tree.
 */
type AnchorElementProps = AnchorProps & Omit<ComponentPropsWithoutRef<'a'>, keyof AnchorProps | 'href'>;
const AnchorA = forwardRef<HTMLAnchorElement, AnchorElementProps>((props, ref) => <Anchor component="a" ref={ref} {...props} />);
const CreatedAnchorLink = createLink(AnchorA);
export const AnchorLink: LinkComponent<typeof AnchorA> = (props) => <CreatedAnchorLink preload="intent" {...props} />;

type ButtonElementProps = ButtonProps & Omit<ComponentPropsWithoutRef<'a'>, keyof ButtonProps | 'href'>;
const ButtonA = forwardRef<HTMLAnchorElement, ButtonElementProps>((props, ref) => <Button component="a" ref={ref} {...props} />);
const CreatedButtonLink = createLink(ButtonA);
export const ButtonLink: LinkComponent<typeof ButtonA> = (props) => <CreatedButtonLink preload="intent" {...props} />;

type NavLinkElementProps = NavLinkProps & Omit<ComponentPropsWithoutRef<'a'>, keyof NavLinkProps | 'href'>;
const NavLinkA = forwardRef<HTMLAnchorElement, NavLinkElementProps>((props, ref) => <NavLink component="a" ref={ref} {...props} />);
const CreatedNavLinkLink = createLink(NavLinkA);
export const NavLinkLink: LinkComponent<typeof NavLinkA> = (props) => <CreatedNavLinkLink preload="intent" {...props} />;
